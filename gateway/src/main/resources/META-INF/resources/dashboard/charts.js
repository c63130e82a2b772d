/*
 * Psybiome dashboard charts: plain SVG drawn here (no library, nothing fetched from elsewhere),
 * each titled and described for screen readers, with its numbers in a table beside it.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var COLOURS = ['#0b5cad', '#b3400a', '#2e7d32', '#6a1b9a', '#00695c', '#5d4037'];
  var DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '4 4'];

  // ---- statistics: Student's t quantile for the 95% CI of a mean (mean ± t(0.975, n−1)·sd/√n)

  function logGamma(x) {
    // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0
    var c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7];
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    x -= 1;
    var a = c[0];
    var t = x + 7.5;
    for (var i = 1; i < 9; i++) {
      a += c[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  function betaContinuedFraction(a, b, x) {
    // modified Lentz's method (Numerical Recipes, betacf)
    var tiny = 1e-300;
    var qab = a + b, qap = a + 1, qam = a - 1;
    var c = 1, d = 1 - qab * x / qap;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    var h = d;
    for (var m = 1; m <= 500; m++) {
      var m2 = 2 * m;
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d; h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      var del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  }

  function regularizedBeta(x, a, b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    var front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaContinuedFraction(a, b, x) / a;
    }
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
  }

  /** P(T ≤ t) for Student's t with df degrees of freedom. */
  function tCdf(t, df) {
    var tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The p quantile (p > 0.5) of Student's t with df degrees of freedom, by bisection. */
  function tQuantile(p, df) {
    var lo = 0, hi = 1;
    while (tCdf(hi, df) < p) hi *= 2;
    for (var i = 0; i < 200 && hi - lo > 1e-12; i++) {
      var mid = (lo + hi) / 2;
      if (tCdf(mid, df) < p) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /** 95% CI of a mean from n, mean and sd (n−1); null where n < 2. */
  function meanCi(n, mean, sd) {
    if (n == null || n < 2 || mean == null || sd == null) return null;
    var half = tQuantile(0.975, n - 1) * sd / Math.sqrt(n);
    return { low: mean - half, high: mean + half };
  }

  // ---- drawing helpers

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, attrs) {
    var t = el('text', Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = content;
    return t;
  }

  function niceTicks(min, max, count) {
    if (min === max) { min -= 1; max += 1; }
    var span = max - min;
    var step = Math.pow(10, Math.floor(Math.log10(span / count)));
    var err = span / count / step;
    if (err >= 7.5) step *= 10; else if (err >= 3.5) step *= 5; else if (err >= 1.5) step *= 2;
    var ticks = [];
    var start = Math.floor(min / step) * step;
    for (var v = start; v <= max + step * 0.5; v += step) ticks.push(Number(v.toFixed(10)));
    return ticks;
  }

  function format(v) {
    if (v == null || isNaN(v)) return '–';
    var a = Math.abs(v);
    if (a !== 0 && (a < 0.001 || a >= 1e6)) return v.toExponential(2);
    return Number(v.toPrecision(4)).toString();
  }

  function svgRoot(container, id, width, height, title, desc) {
    var svg = el('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart',
      'aria-labelledby': id + '-title ' + id + '-desc', id: id, focusable: 'false'
    });
    var t = el('title', { id: id + '-title' }, svg); t.textContent = title;
    var d = el('desc', { id: id + '-desc' }, svg); d.textContent = desc;
    container.appendChild(svg);
    return svg;
  }

  /**
   * Means with 95% CIs per series across visits.
   * spec: {id, title, desc, yLabel, visits: [{code, label, dayOffset}],
   *        series: [{name, points: [{visit, n, mean, low, high}]}]}
   */
  function trajectory(container, spec) {
    var W = 680, H = 340, m = { l: 64, r: 16, t: 16, b: 56 };
    var svg = svgRoot(container, spec.id, W, H, spec.title, spec.desc);
    svg.setAttribute('data-series', JSON.stringify(spec.series));
    var values = [];
    spec.series.forEach(function (s) {
      s.points.forEach(function (p) {
        [p.mean, p.low, p.high].forEach(function (v) { if (v != null && !isNaN(v)) values.push(v); });
      });
    });
    if (!values.length) { values = [0, 1]; }
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var pad = (hi - lo) * 0.08 || 1;
    var ticks = niceTicks(lo - pad, hi + pad, 5);
    var y0 = ticks[0], y1 = ticks[ticks.length - 1];
    var days = spec.visits.map(function (v) { return v.dayOffset == null ? 0 : v.dayOffset; });
    var d0 = Math.min.apply(null, days), d1 = Math.max.apply(null, days);
    var plotW = W - m.l - m.r, plotH = H - m.t - m.b;
    function x(visitIndex, seriesIndex) {
      var base = d1 === d0 ? plotW / 2 : (days[visitIndex] - d0) / (d1 - d0) * (plotW - 40) + 20;
      var offset = (seriesIndex - (spec.series.length - 1) / 2) * 8;
      return m.l + base + offset;
    }
    function y(v) { return m.t + plotH - (v - y0) / (y1 - y0) * plotH; }

    var grid = el('g', { class: 'grid', 'aria-hidden': 'true' }, svg);
    var axis = el('g', { class: 'axis', 'aria-hidden': 'true' }, svg);
    ticks.forEach(function (t) {
      el('line', { x1: m.l, x2: W - m.r, y1: y(t), y2: y(t) }, grid);
      text(axis, m.l - 8, y(t) + 4, format(t), { 'text-anchor': 'end' });
    });
    el('line', { x1: m.l, x2: m.l, y1: m.t, y2: m.t + plotH }, axis);
    el('line', { x1: m.l, x2: W - m.r, y1: m.t + plotH, y2: m.t + plotH }, axis);
    spec.visits.forEach(function (v, i) {
      text(axis, x(i, (spec.series.length - 1) / 2), m.t + plotH + 18, v.code, { 'text-anchor': 'middle' });
    });
    text(axis, m.l + plotW / 2, H - 8, 'Visit (spaced by days from randomisation)', { 'text-anchor': 'middle' });
    text(axis, 14, m.t + plotH / 2, spec.yLabel, { 'text-anchor': 'middle', transform: 'rotate(-90 14 ' + (m.t + plotH / 2) + ')' });

    spec.series.forEach(function (s, si) {
      var colour = COLOURS[si % COLOURS.length];
      var g = el('g', { class: 'series', 'data-name': s.name, 'aria-hidden': 'true' }, svg);
      var path = [];
      s.points.forEach(function (p) {
        var vi = spec.visits.findIndex(function (v) { return v.code === p.visit; });
        if (vi < 0 || p.mean == null) return;
        var px = x(vi, si);
        path.push(px + ',' + y(p.mean));
        if (p.low != null && p.high != null) {
          el('line', { x1: px, x2: px, y1: y(p.low), y2: y(p.high), stroke: colour, 'stroke-width': 2 }, g);
          el('line', { x1: px - 5, x2: px + 5, y1: y(p.low), y2: y(p.low), stroke: colour, 'stroke-width': 2 }, g);
          el('line', { x1: px - 5, x2: px + 5, y1: y(p.high), y2: y(p.high), stroke: colour, 'stroke-width': 2 }, g);
        }
        el('circle', { cx: px, cy: y(p.mean), r: 4.5, fill: colour, 'data-visit': p.visit, 'data-mean': p.mean }, g);
      });
      if (path.length > 1) {
        el('polyline', { points: path.join(' '), fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': DASHES[si % DASHES.length] }, g);
      }
    });
    return svg;
  }

  /**
   * Box plots from summary statistics: whiskers min–max, box Q1–Q3, median line, mean diamond.
   * spec: {id, title, desc, yLabel, boxes: [{name, n, min, q1, median, q3, max, mean}]}
   */
  function boxes(container, spec) {
    var W = 680, H = 300, m = { l: 64, r: 16, t: 16, b: 44 };
    var svg = svgRoot(container, spec.id, W, H, spec.title, spec.desc);
    svg.setAttribute('data-boxes', JSON.stringify(spec.boxes));
    var values = [];
    spec.boxes.forEach(function (b) { [b.min, b.max, b.mean].forEach(function (v) { if (v != null) values.push(v); }); });
    if (!values.length) values = [0, 1];
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var pad = (hi - lo) * 0.08 || 1;
    var ticks = niceTicks(lo - pad, hi + pad, 5);
    var y0 = ticks[0], y1 = ticks[ticks.length - 1];
    var plotW = W - m.l - m.r, plotH = H - m.t - m.b;
    function y(v) { return m.t + plotH - (v - y0) / (y1 - y0) * plotH; }
    var grid = el('g', { class: 'grid', 'aria-hidden': 'true' }, svg);
    var axis = el('g', { class: 'axis', 'aria-hidden': 'true' }, svg);
    ticks.forEach(function (t) {
      el('line', { x1: m.l, x2: W - m.r, y1: y(t), y2: y(t) }, grid);
      text(axis, m.l - 8, y(t) + 4, format(t), { 'text-anchor': 'end' });
    });
    el('line', { x1: m.l, x2: m.l, y1: m.t, y2: m.t + plotH }, axis);
    text(axis, 14, m.t + plotH / 2, spec.yLabel, { 'text-anchor': 'middle', transform: 'rotate(-90 14 ' + (m.t + plotH / 2) + ')' });
    var slot = plotW / Math.max(1, spec.boxes.length);
    spec.boxes.forEach(function (b, i) {
      var colour = COLOURS[i % COLOURS.length];
      var cx = m.l + slot * (i + 0.5), half = Math.min(40, slot / 4);
      var g = el('g', { 'aria-hidden': 'true' }, svg);
      text(axis, cx, m.t + plotH + 18, b.name + ' (n=' + b.n + ')', { 'text-anchor': 'middle' });
      if (b.median == null) return;
      el('line', { x1: cx, x2: cx, y1: y(b.min), y2: y(b.q1), stroke: colour, 'stroke-width': 2 }, g);
      el('line', { x1: cx, x2: cx, y1: y(b.q3), y2: y(b.max), stroke: colour, 'stroke-width': 2 }, g);
      el('line', { x1: cx - half / 2, x2: cx + half / 2, y1: y(b.min), y2: y(b.min), stroke: colour, 'stroke-width': 2 }, g);
      el('line', { x1: cx - half / 2, x2: cx + half / 2, y1: y(b.max), y2: y(b.max), stroke: colour, 'stroke-width': 2 }, g);
      el('rect', { x: cx - half, y: y(b.q3), width: 2 * half, height: Math.max(1, y(b.q1) - y(b.q3)), fill: colour, 'fill-opacity': 0.15, stroke: colour, 'stroke-width': 2 }, g);
      el('line', { x1: cx - half, x2: cx + half, y1: y(b.median), y2: y(b.median), stroke: colour, 'stroke-width': 3 }, g);
      if (b.mean != null) {
        var my = y(b.mean);
        el('path', { d: 'M' + cx + ' ' + (my - 6) + ' l6 6 l-6 6 l-6 -6 z', fill: '#fff', stroke: colour, 'stroke-width': 2 }, g);
      }
    });
    return svg;
  }

  window.PsyCharts = {
    colours: COLOURS, dashes: DASHES, trajectory: trajectory, boxes: boxes, format: format,
    tQuantile: tQuantile, tCdf: tCdf, meanCi: meanCi
  };
})();
