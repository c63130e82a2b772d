/*
 * Sign-in with OpenID Connect: the authorization code flow (RFC 6749 §4.1) with PKCE (RFC 7636,
 * S256) for a public client, so no secret is ever in the browser. The gateway says which issuer and
 * client (/dashboard/config.json; {"oidc": null} when none is set: paste a token only). The page
 * reads the issuer's discovery document, sends the browser to its authorization endpoint with a
 * fresh state, nonce and code challenge, and on the way back checks the state, trades the code and
 * the code verifier for tokens at the token endpoint, and checks the ID token's issuer, audience,
 * nonce and expiry. The ID token comes straight from the token endpoint, so its signature is not
 * checked here (OpenID Connect Core 1.0 §3.1.3.7, item 6); the API verifies the access token itself.
 * What one sign-in needs across the redirect is kept in this tab's session storage and removed on
 * return, whatever the answer.
 */
(function () {
  'use strict';

  var PENDING_KEY = 'psybiome.oidc.pending';
  var settings = null;

  /** The issuer, client id and scopes the gateway names, or null: paste-a-token only. */
  function config() {
    if (!settings) {
      settings = fetch('/dashboard/config.json', { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { oidc: null }; })
        .then(function (c) { return (c && c.oidc) || null; }, function () { return null; });
    }
    return settings;
  }

  function originOf(url) { return new URL(url).origin; }

  /** The discovery document (OpenID Connect Discovery 1.0 §4), checked against the issuer. */
  function discovery(oidc) {
    var url = oidc.issuer.replace(/\/+$/, '') + '/.well-known/openid-configuration';
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error('The sign-in provider answered ' + r.status + ' for its discovery document.');
      return r.json();
    }).then(function (d) {
      if (d.issuer !== oidc.issuer) {
        throw new Error('The sign-in provider names itself ' + d.issuer + ', not ' + oidc.issuer + '.');
      }
      if (!d.authorization_endpoint || !d.token_endpoint) {
        throw new Error('The sign-in provider names no authorization or token endpoint.');
      }
      // this page may connect to the issuer's origin only (its Content Security Policy)
      if (originOf(d.token_endpoint) !== originOf(oidc.issuer)) {
        throw new Error('The token endpoint ' + d.token_endpoint + ' is not on the issuer\'s origin.');
      }
      if (d.code_challenge_methods_supported && d.code_challenge_methods_supported.indexOf('S256') < 0) {
        throw new Error('The sign-in provider does not support PKCE with S256.');
      }
      return d;
    });
  }

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** 32 random bytes, base64url: 43 characters, as RFC 7636 §4.1 recommends for the verifier. */
  function random() {
    var bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function challenge(verifier) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
      .then(function (hash) { return base64url(new Uint8Array(hash)); });
  }

  function redirectUri() { return location.origin + '/'; }

  /** Sends the browser to the provider; {@code returnTo} (a #/ route) is where it comes back to. */
  function start(returnTo) {
    return config().then(function (oidc) {
      if (!oidc) throw new Error('No sign-in provider is configured.');
      return discovery(oidc).then(function (d) {
        var pending = { state: random(), nonce: random(), verifier: random(), returnTo: returnTo || '',
          issuer: d.issuer, clientId: oidc.clientId, tokenEndpoint: d.token_endpoint };
        return challenge(pending.verifier).then(function (codeChallenge) {
          sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
          var params = new URLSearchParams({
            response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(),
            scope: oidc.scopes.join(' '), state: pending.state, nonce: pending.nonce,
            code_challenge: codeChallenge, code_challenge_method: 'S256'
          });
          var endpoint = d.authorization_endpoint;
          location.assign(endpoint + (endpoint.indexOf('?') >= 0 ? '&' : '?') + params.toString());
        });
      });
    });
  }

  function payload(jwt) {
    var part = String(jwt).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    while (part.length % 4) part += '=';
    return JSON.parse(decodeURIComponent(Array.prototype.map.call(atob(part), function (c) {
      return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
    }).join('')));
  }

  /** OpenID Connect Core 1.0 §3.1.3.7, items 2 (iss), 3 (aud), 4 (azp), 9 (exp) and 11 (nonce). */
  function checkIdToken(idToken, pending) {
    var c;
    try { c = payload(idToken); } catch (e) { throw new Error('The ID token cannot be read.'); }
    var aud = Array.isArray(c.aud) ? c.aud : [c.aud];
    if (c.iss !== pending.issuer) throw new Error('The ID token was issued by ' + c.iss + ', not ' + pending.issuer + '.');
    if (aud.indexOf(pending.clientId) < 0) throw new Error('The ID token is not for this dashboard (audience ' + aud.join(', ') + ').');
    if (aud.length > 1 && c.azp !== pending.clientId) throw new Error('The ID token was issued to another party (azp).');
    if (c.nonce !== pending.nonce) throw new Error('The ID token does not answer this sign-in (nonce).');
    if (!c.exp || c.exp * 1000 <= Date.now()) throw new Error('The ID token has expired.');
  }

  /**
   * The way back from the provider: null when this load is not one, else a promise of
   * {accessToken, returnTo}, rejected (nothing kept) on a state that is not this tab's, an error
   * from the provider, a refused code or an ID token that does not check out. The code and state
   * are taken out of the address bar before anything else.
   */
  function complete() {
    var q = new URLSearchParams(location.search);
    if (!q.has('state') && !q.has('code') && !q.has('error')) return null;
    var pending = null;
    try { pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null'); } catch (e) { pending = null; }
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', location.pathname + ((pending && pending.returnTo) || location.hash));
    if (!pending || !q.get('state') || q.get('state') !== pending.state) {
      return Promise.reject(new Error('Sign-in refused: the answer does not belong to a sign-in started in this tab (state does not match).'));
    }
    if (q.has('error')) {
      return Promise.reject(new Error('The sign-in provider refused: ' + q.get('error') +
        (q.get('error_description') ? ' (' + q.get('error_description') + ')' : '') + '.'));
    }
    var body = new URLSearchParams({ grant_type: 'authorization_code', code: q.get('code') || '',
      redirect_uri: redirectUri(), client_id: pending.clientId, code_verifier: pending.verifier });
    return fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString()
    }).then(function (r) {
      return r.json().then(function (t) {
        if (!r.ok) throw new Error('The sign-in provider refused the code: ' + (t.error_description || t.error || r.status) + '.');
        return t;
      });
    }).then(function (t) {
      if (!t.access_token || String(t.token_type).toLowerCase() !== 'bearer') {
        throw new Error('The sign-in provider sent no bearer access token.');
      }
      if (!t.id_token) throw new Error('The sign-in provider sent no ID token.');
      checkIdToken(t.id_token, pending);
      return { accessToken: t.access_token, returnTo: pending.returnTo };
    });
  }

  window.PsySignIn = { config: config, start: start, complete: complete };
})();
