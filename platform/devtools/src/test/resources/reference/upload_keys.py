#!/usr/bin/env python3
"""Reference for IdempotencyKeysTest: the Idempotency-Key of batch i of an upload is the hex
SHA-256 of these lines joined by LF: the scheme name, the file's hex SHA-256, the trial, the
format, rows per batch, bytes per batch, the batch's 0-based index."""
import hashlib

file_sha = hashlib.sha256(b"participant,visit\nP1,W0\n").hexdigest()
print("file", file_sha)
for index in (0, 1):
    text = "\n".join(["psybiome-upload-v1", file_sha, "PSB-2026-000042", "CSV", "100000",
                      str(32 * 1024 * 1024), str(index)])
    print(index, hashlib.sha256(text.encode()).hexdigest())
