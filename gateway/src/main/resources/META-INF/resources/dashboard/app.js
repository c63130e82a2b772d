/*
 * Psybiome dashboard. A client of the public API only (/api/v1 of this gateway): the registry for
 * everyone, and for a signed-in consortium member the trial's overview, trajectories, analysis,
 * CONSORT flow, drift, missing data and live events. Whatever the API withholds from a token (arms
 * of a masked trial for a blinded role, another consortium's data) is never asked for.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'psybiome.token';
  var STATUSES = ['NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION', 'ACTIVE_NOT_RECRUITING',
    'SUSPENDED', 'COMPLETED', 'TERMINATED', 'WITHDRAWN', 'UNKNOWN', 'DRAFT'];
  var INTERVENTION_TYPES = ['PROBIOTIC', 'PREBIOTIC', 'SYNBIOTIC', 'POSTBIOTIC', 'FMT', 'DIET', 'PLACEBO',
    'SHAM', 'STANDARD_CARE'];
  var SORTS = [['-registeredOn', 'Newest registration first'], ['registeredOn', 'Oldest registration first'],
    ['-updatedAt', 'Recently updated first'], ['updatedAt', 'Least recently updated first'], ['id', 'Registry id']];
  var FILTERS = ['q', 'status', 'interventionType', 'condition', 'country', 'sponsor', 'genus', 'species',
    'consortium', 'secondaryId', 'registeredFrom', 'registeredTo', 'sort', 'pageSize'];
  /** Roles that may read a consortium's pooled figures (summaries, analysis, CONSORT, drift). */
  var ANALYTIC_ROLES = ['statistician', 'blinded-statistician', 'reader', 'registrant'];

  var view = document.getElementById('view');
  var announcer = document.getElementById('announce');
  var signInMessage = document.getElementById('signin-message');
  var expiryTimer = null;
  var feedController = null;
  var pageTokens = {};

  // ---------------------------------------------------------------- small DOM helpers

  function h(tag, attrs) {
    var node = document.createElement(tag);
    var children = Array.prototype.slice.call(arguments, 2);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.indexOf('on') === 0) node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.forEach(function (c) { append(node, c); });
    return node;
  }

  /** Appends each child after the node: nodes, strings, numbers, arrays of them; null is skipped. */
  function append(node) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null || c === false) continue;
      if (Array.isArray(c)) { c.forEach(function (x) { append(node, x); }); continue; }
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  }

  /** A table (or diagram) that may scroll sideways: focusable, so a keyboard can scroll it. */
  function wrap(content) {
    var caption = content.querySelector && content.querySelector('caption, title');
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'group',
      'aria-label': caption ? caption.textContent : 'Scrollable content' }, content);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function announce(message) { announcer.textContent = message; }

  function humanise(code) {
    if (code == null) return '';
    return String(code).replace(/_/g, ' ').toLowerCase().replace(/^./, function (c) { return c.toUpperCase(); });
  }

  function fmt(v) { return window.PsyCharts.format(v); }

  function pValue(p) {
    if (p == null) return '–';
    return p < 0.001 ? '< 0.001' : p.toFixed(3);
  }

  // ---------------------------------------------------------------- token

  function token() {
    var t = sessionStorage.getItem(TOKEN_KEY);
    return t ? t.trim() : null;
  }

  /** The token's claims, read for display and to skip requests the API would refuse anyway. */
  function claims() {
    var t = token();
    if (!t) return null;
    try {
      var part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) part += '=';
      var json = JSON.parse(decodeURIComponent(Array.prototype.map.call(atob(part), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join('')));
      if (json.exp && json.exp * 1000 < Date.now()) return { expired: true, sub: json.sub, exp: json.exp };
      return json;
    } catch (e) {
      return { invalid: true };
    }
  }

  function usableToken() {
    var c = claims();
    return c && !c.expired && !c.invalid ? token() : null;
  }

  function role(c) {
    var groups = (c && c.groups) || [];
    return ANALYTIC_ROLES.concat(['pipeline', 'curator']).filter(function (r) { return groups.indexOf(r) >= 0; })[0];
  }

  /** A message about the sign-in above the page (null: none), kept across the page's views. */
  function showSignInMessage(text) {
    signInMessage.textContent = text || '';
    signInMessage.hidden = !text;
  }

  /**
   * Forgets the token (expired, or refused by the API) and shows the page without it. Only the
   * token that was found wanting is dropped: a newer one set meanwhile is kept.
   */
  function signOut(message, which) {
    var current = sessionStorage.getItem(TOKEN_KEY);
    if (!current || (which && current.trim() !== which)) return;
    sessionStorage.removeItem(TOKEN_KEY);
    if (expiryTimer) { clearTimeout(expiryTimer); expiryTimer = null; }
    showSignInMessage(message);
    announce(message);
    route();
  }

  /** Signs out when the token's exp passes, without waiting for the API to refuse it. */
  function scheduleExpiry() {
    if (expiryTimer) { clearTimeout(expiryTimer); expiryTimer = null; }
    var c = claims();
    if (!c || c.invalid || !c.exp) return;
    var left = c.exp * 1000 - Date.now();
    expiryTimer = setTimeout(function () {
      expiryTimer = null;
      var now = claims();
      if (now && now.expired) signOut('Your session expired: signed out. Sign in again to see the consortium\'s data.');
      else scheduleExpiry();
    }, Math.max(0, Math.min(left + 250, 2147483647)));
  }

  function renderSignIn() {
    var c = claims();
    var summary = document.getElementById('signin-summary');
    if (!c) summary.textContent = 'Sign in';
    else if (c.invalid) summary.textContent = 'Token unreadable';
    else if (c.expired) summary.textContent = 'Token expired';
    else summary.textContent = (c.sub || 'signed in') + ' · ' + (role(c) || 'no role') + (c.consortium ? ' · ' + c.consortium : '');
  }

  document.getElementById('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var value = document.getElementById('token-input').value.trim().replace(/^Bearer\s+/i, '');
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    document.getElementById('token-input').value = '';
    document.getElementById('signin').open = false;
    showSignInMessage(null);
    scheduleExpiry();
    renderSignIn();
    announce('Token set');
    route();
  });
  document.getElementById('token-clear').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    document.getElementById('signin').open = false;
    showSignInMessage(null);
    scheduleExpiry();
    renderSignIn();
    announce('Signed out');
    route();
  });

  // OpenID Connect sign-in (signin.js), offered when the gateway names an issuer
  window.PsySignIn.config().then(function (oidc) { document.getElementById('oidc').hidden = !oidc; });
  document.getElementById('oidc-signin').addEventListener('click', function () {
    announce('Going to the sign-in page');
    window.PsySignIn.start(location.hash).catch(function (e) { showSignInMessage(e.message); });
  });

  var REFUSED = 'The API refused the token (401): signed out. Sign in again to see the consortium\'s data.';

  // ---------------------------------------------------------------- API

  function ApiError(status, problem) {
    this.status = status;
    this.problem = problem || {};
    this.message = (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
  }

  function api(path, options) {
    options = options || {};
    var headers = { Accept: options.accept || 'application/json' };
    var t = usableToken();
    if (t) headers.Authorization = 'Bearer ' + t;
    return fetch(path, { headers: headers, signal: options.signal }).then(function (response) {
      if (response.status === 401 && t) signOut(REFUSED, t);
      var type = response.headers.get('Content-Type') || '';
      var body = type.indexOf('json') >= 0 ? response.json() : response.text();
      return body.then(function (b) {
        if (!response.ok) throw new ApiError(response.status, typeof b === 'object' ? b : null);
        return b;
      });
    });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v == null || v === '' || (Array.isArray(v) && !v.length)) return;
      parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(Array.isArray(v) ? v.join(',') : v));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function errorBox(e) {
    return h('div', { class: 'error', role: 'alert' }, e && e.message ? e.message : String(e));
  }

  // ---------------------------------------------------------------- routing

  function parseHash() {
    var hash = location.hash.replace(/^#/, '') || '/';
    var q = hash.indexOf('?');
    var path = q >= 0 ? hash.substring(0, q) : hash;
    var params = {};
    if (q >= 0) {
      hash.substring(q + 1).split('&').forEach(function (pair) {
        if (!pair) return;
        var kv = pair.split('=');
        params[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || '').replace(/\+/g, ' '));
      });
    }
    return { path: path, params: params };
  }

  function route() {
    var c = claims();
    if (c && c.expired) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignInMessage('Your session expired: signed out. Sign in again to see the consortium\'s data.');
    }
    // each view (re)arms the expiry timer: a token set in another view of this tab counts too
    scheduleExpiry();
    renderSignIn();
    if (feedController) { feedController.abort(); feedController = null; }
    var r = parseHash();
    var m = r.path.match(/^\/trials\/([^/]+)$/);
    if (m) trialPage(decodeURIComponent(m[1]));
    else searchPage(r.params);
  }

  function focusHeading() {
    var h1 = view.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: false }); }
  }

  // ---------------------------------------------------------------- registry search

  function searchPage(params) {
    document.title = 'Trial registry · Psybiome';
    clear(view);
    var form = h('form', { class: 'search', id: 'search-form', role: 'search', 'aria-label': 'Search trials' });
    function field(name, label, input) {
      input.id = 'f-' + name; input.name = name;
      if (params[name] != null && input.tagName !== 'FIELDSET') input.value = params[name];
      return h('div', null, h('label', { for: input.id }, label), input);
    }
    function select(options, empty) {
      var s = h('select');
      if (empty) s.appendChild(h('option', { value: '' }, empty));
      options.forEach(function (o) {
        var value = Array.isArray(o) ? o[0] : o;
        s.appendChild(h('option', { value: value }, Array.isArray(o) ? o[1] : humanise(o)));
      });
      return s;
    }
    var chosen = (params.status || '').split(',').filter(Boolean);
    var statusBox = h('fieldset', { class: 'checks-field' }, h('legend', null, 'Status'),
      h('div', { class: 'checks' }, STATUSES.filter(function (s) { return s !== 'DRAFT' || usableToken(); }).map(function (s) {
        return h('label', null, h('input', { type: 'checkbox', name: 'status', value: s, checked: chosen.indexOf(s) >= 0 }), humanise(s));
      })));
    var advanced = h('details', { class: 'advanced' }, h('summary', null, 'More filters'),
      h('div', { class: 'search' },
        field('condition', 'Condition (ICD code, e.g. F32)', h('input', { type: 'text' })),
        field('country', 'Country (ISO code, e.g. DE)', h('input', { type: 'text', maxlength: 2 })),
        field('sponsor', 'Primary sponsor contains', h('input', { type: 'text' })),
        field('genus', 'Strain genus', h('input', { type: 'text' })),
        field('species', 'Strain species (genus species)', h('input', { type: 'text' })),
        field('consortium', 'Consortium', h('input', { type: 'text' })),
        field('secondaryId', 'Identifier in any registry', h('input', { type: 'text' })),
        field('registeredFrom', 'Registered from', h('input', { type: 'date' })),
        field('registeredTo', 'Registered to', h('input', { type: 'date' })),
        field('pageSize', 'Per page', select([['10', '10'], ['20', '20'], ['50', '50'], ['100', '100']]))));
    if (['condition', 'country', 'sponsor', 'genus', 'species', 'consortium', 'secondaryId', 'registeredFrom', 'registeredTo']
      .some(function (k) { return params[k]; })) advanced.open = true;
    var interventionType = select(INTERVENTION_TYPES, 'Any');
    var sort = select(SORTS);
    append(form, [
      field('q', 'Words in title or acronym', h('input', { type: 'search', placeholder: 'e.g. probiotic depression' })),
      field('interventionType', 'Intervention type', interventionType),
      field('sort', 'Order', sort),
      h('div', { class: 'wide' }, statusBox),
      h('div', { class: 'wide' }, advanced),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Search'),
        h('button', { type: 'button', class: 'secondary', onclick: function () { location.hash = '#/'; } }, 'Clear'))
    ]);
    if (!params.pageSize) form.querySelector('#f-pageSize').value = '20';
    if (!params.sort) sort.value = '-registeredOn';
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var next = {};
      FILTERS.forEach(function (k) {
        if (k === 'status') return;
        var input = form.querySelector('#f-' + k);
        if (input && input.value) next[k] = input.value.trim();
      });
      var statuses = Array.prototype.filter.call(form.querySelectorAll('input[name=status]'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      if (statuses.length) next.status = statuses;
      if (next.sort === '-registeredOn') delete next.sort;
      if (next.pageSize === '20') delete next.pageSize;
      location.hash = '#/' + query(next);
    });

    var results = h('section', { class: 'card', 'aria-labelledby': 'results-heading' },
      h('h2', { id: 'results-heading' }, 'Trials'), h('p', { class: 'small' }, 'Loading…'));
    append(view, [
      h('h1', null, 'Psychobiotic trial registry'),
      h('p', null, 'Randomised trials of probiotics, prebiotics, faecal microbiota transplantation and diets for depression and anxiety, with their biomarker data. Every registered trial is public.'),
      h('section', { class: 'card', 'aria-label': 'Search' }, form),
      results
    ]);

    var filters = {};
    FILTERS.forEach(function (k) { if (params[k]) filters[k] = params[k]; });
    var key = JSON.stringify(filters);
    var stack = pageTokens[key] || (pageTokens[key] = []);
    if (params.pageToken) filters.pageToken = params.pageToken;
    var pageIndex = params.pageToken ? stack.indexOf(params.pageToken) + 1 : 0;
    api('/api/v1/trials' + query(filters)).then(function (page) {
      var body = results;
      clear(body);
      var count = page.total == null ? '' : (page.totalExact === false ? 'at least ' : '') + page.total;
      append(body, h('h2', { id: 'results-heading' }, 'Trials', count !== '' ? ' (' + count + ')' : ''));
      if (!page.items.length) {
        append(body, h('p', null, 'No trial matches these filters.'));
      }
      var list = h('ul', { class: 'results', id: 'trial-results' });
      page.items.forEach(function (t) {
        list.appendChild(h('li', { 'data-trial-id': t.id },
          h('a', { class: 'title', href: '#/trials/' + encodeURIComponent(t.id) }, (t.acronym ? t.acronym + ': ' : '') + (t.publicTitle || t.id)),
          h('div', { class: 'meta' },
            h('span', { class: 'badge ' + t.status }, humanise(t.status)),
            h('span', null, t.id),
            t.registeredOn ? h('span', null, 'Registered ' + t.registeredOn) : h('span', null, 'Draft'),
            t.primarySponsor ? h('span', null, t.primarySponsor) : null,
            (t.interventionTypes || []).length ? h('span', null, t.interventionTypes.map(humanise).join(', ')) : null,
            (t.conditionCodes || []).length ? h('span', null, 'Conditions ' + t.conditionCodes.join(', ')) : null,
            (t.countries || []).length ? h('span', null, 'Countries ' + t.countries.join(', ')) : null)));
      });
      append(body, list);
      var pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
      var base = {};
      Object.keys(params).forEach(function (k) { if (k !== 'pageToken') base[k] = params[k]; });
      if (pageIndex > 0) {
        var previous = pageIndex > 1 ? stack[pageIndex - 2] : null;
        append(pager, h('a', { class: 'button', href: '#/' + query(Object.assign({}, base, { pageToken: previous })) }, 'Previous page'));
      }
      append(pager, h('span', { class: 'small' }, 'Page ' + (pageIndex + 1)));
      if (page.nextPageToken) {
        if (stack.indexOf(page.nextPageToken) < 0) stack[pageIndex] = page.nextPageToken;
        append(pager, h('a', { class: 'button', id: 'next-page', href: '#/' + query(Object.assign({}, base, { pageToken: page.nextPageToken })) }, 'Next page'));
      }
      append(body, pager);
      announce((count || page.items.length) + ' trials found');
    }).catch(function (e) { clear(results); append(results, h('h2', { id: 'results-heading' }, 'Trials'), errorBox(e)); });
    focusHeading();
  }

  // ---------------------------------------------------------------- trial page: registry items

  var REGISTRY_LINKS = {
    NCT: function (v) { return 'https://clinicaltrials.gov/study/' + encodeURIComponent(v); },
    ISRCTN: function (v) { return 'https://www.isrctn.com/' + encodeURIComponent(/^ISRCTN/i.test(v) ? v : 'ISRCTN' + v); },
    EUDRACT: function (v) { return 'https://www.clinicaltrialsregister.eu/ctr-search/search?query=' + encodeURIComponent(v); },
    CTIS: function (v) { return 'https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=' + encodeURIComponent(v); },
    ACTRN: function (v) { return 'https://www.anzctr.org.au/' + encodeURIComponent(/^ACTRN/i.test(v) ? v : 'ACTRN' + v) + '.aspx'; },
    DRKS: function (v) { return 'https://drks.de/search/en/trial/' + encodeURIComponent(v); }
  };
  /** Registries of the WHO ICTRP network without a stable per-trial address of their own here. */
  var ICTRP = ['CHICTR', 'CTRI', 'IRCT', 'JRCT', 'UMIN', 'KCT', 'PACTR', 'NL', 'REBEC', 'RPCEC', 'SLCTR', 'TCTR', 'LBCTR', 'ITMCTR', 'REPEC'];
  var REGISTRY_NAMES = {
    NCT: 'ClinicalTrials.gov', ISRCTN: 'ISRCTN registry', EUDRACT: 'EudraCT (EU Clinical Trials Register)',
    CTIS: 'EU CTIS', ACTRN: 'ANZCTR', DRKS: 'German Clinical Trials Register', CHICTR: 'ChiCTR', CTRI: 'CTRI (India)',
    IRCT: 'IRCT (Iran)', JRCT: 'jRCT (Japan)', UMIN: 'UMIN-CTR', KCT: 'CRIS (Korea)', PACTR: 'PACTR', NL: 'Netherlands Trial Register',
    REBEC: 'ReBEC (Brazil)', RPCEC: 'RPCEC (Cuba)', SLCTR: 'SLCTR (Sri Lanka)', TCTR: 'TCTR (Thailand)', LBCTR: 'LBCTR (Lebanon)',
    ITMCTR: 'ITMCTR', REPEC: 'REPEC (Peru)', UTN: 'WHO Universal Trial Number', OTHER: 'Other'
  };

  function registryUrl(registry, value) {
    if (!value) return null;
    if (REGISTRY_LINKS[registry]) return REGISTRY_LINKS[registry](value.trim());
    if (ICTRP.indexOf(registry) >= 0) return 'https://trialsearch.who.int/Trial2.aspx?TrialID=' + encodeURIComponent(value.trim());
    return null;
  }

  function identifier(registry, value, extra) {
    var url = registryUrl(registry, value);
    var name = REGISTRY_NAMES[registry] || registry || '';
    return h('li', { 'data-registry': registry },
      url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'registry-link' }, value,
        h('span', { class: 'sr-only' }, ' (opens ' + name + ' in a new tab)')) : value,
      ' ', h('span', { class: 'small' }, name + (extra ? ' · ' + extra : '')));
  }

  function safeUrl(url) { return /^https?:\/\//i.test(url || '') ? url : null; }

  function contact(c) {
    if (!c) return 'Not given';
    return h('span', null, [c.name, c.affiliation].filter(Boolean).join(', '),
      c.email ? [' · ', h('a', { href: 'mailto:' + c.email }, c.email)] : null,
      c.phone ? ' · ' + c.phone : null, c.address ? ' · ' + c.address : null);
  }

  function list(items, render) {
    items = items || [];
    if (!items.length) return 'None given';
    return h('ul', { class: 'plain' }, items.map(function (x) { return h('li', null, render ? render(x) : x); }));
  }

  function dl(pairs) {
    var node = h('dl', { class: 'items' });
    pairs.forEach(function (p) {
      if (p == null) return;
      append(node, [h('dt', null, p[0]), h('dd', null, p[1] == null || p[1] === '' ? 'Not given' : p[1])]);
    });
    return node;
  }

  function outcomeList(outcomes) {
    return list(outcomes, function (o) {
      return h('span', null, h('strong', null, o.measure ? o.measure.code : (o.title || '')),
        o.measure ? ' (' + humanise(o.measure.kind) + ')' : '', o.description ? ': ' + o.description : '',
        o.timeFrame ? ' · ' + o.timeFrame : '');
    });
  }

  function partialDate(m) { return m && m.date ? m.date + (m.type ? ' (' + humanise(m.type) + ')' : '') : null; }

  function intervention(i) {
    var strains = (i.strains || []).map(function (s) {
      return [s.genus, s.species, s.designation].filter(Boolean).join(' ');
    });
    return h('span', null, h('strong', null, i.name || i.code), ' · ', humanise(i.type),
      strains.length ? ' · ' + strains.join('; ') : '',
      i.doseCfuPerDay ? ' · ' + i.doseCfuPerDay.toExponential(1) + ' CFU/day' : '',
      i.formulation ? ' · ' + i.formulation : '', i.durationWeeks ? ' · ' + i.durationWeeks + ' weeks' : '',
      i.description ? ' · ' + i.description : '');
  }

  function trdsSection(number, title, content, id) {
    return h('section', { class: 'trds-item', id: id || ('trds-' + number), 'aria-labelledby': 'trds-h-' + number },
      h('h3', { id: 'trds-h-' + number }, h('span', { class: 'item' }, 'Item ' + number), title), content);
  }

  function timeline(history) {
    if (!history || !history.length) return h('p', null, 'A draft: no status yet.');
    return h('ol', { class: 'timeline', id: 'status-timeline', 'aria-label': 'Status history, oldest first' },
      history.map(function (s) {
        return h('li', null, h('time', { datetime: s.effectiveDate }, s.effectiveDate), ' ',
          h('span', { class: 'badge ' + s.status }, humanise(s.status)),
          s.reason ? h('div', { class: 'small' }, s.reason) : null,
          s.recordedAt ? h('div', { class: 'small' }, 'Recorded ' + s.recordedAt.replace('T', ' ').replace(/\..*$/, '') + ' UTC') : null);
      }));
  }

  function registryItems(t) {
    var d = t.design || {};
    var e = t.eligibility || {};
    var ethics = t.ethicsReviews && t.ethicsReviews.length ? t.ethicsReviews : (t.ethicsReview ? [t.ethicsReview] : []);
    var dates = t.dates || {};
    var ids = (t.secondaryIds || []).map(function (s) {
      return identifier(s.registry, s.value, [s.kind && s.kind !== 'REGISTRY' ? humanise(s.kind) : null, s.issuer].filter(Boolean).join(', '));
    });
    if (t.originalRegistration && t.originalRegistration.id) {
      ids.push(identifier(t.originalRegistration.registry, t.originalRegistration.id, 'original registration'));
    }
    if (t.source && t.source.sourceId) {
      ids.push(identifier(t.source.registry === 'CLINICALTRIALS_GOV' ? 'NCT' : t.source.registry, t.source.sourceId, 'imported from'));
    }
    var items = [
      trdsSection(1, 'Primary registry and trial identifying number', dl([
        ['Registry', t.primaryRegistry || 'Psybiome'], ['Trial id', t.id], ['Consortium', t.consortium], ['Version', t.version]])),
      trdsSection(2, 'Date of registration in primary registry', dl([
        ['Registered', t.registeredOn || 'Not registered (draft)'],
        ['Registration timing', t.registrationTiming ? humanise(t.registrationTiming) : null]])),
      trdsSection(3, 'Secondary identifying numbers', ids.length ? h('ul', { class: 'plain', id: 'identifiers' }, ids) : h('p', null, 'None given')),
      trdsSection(4, 'Source(s) of monetary or material support', list(t.sourcesOfSupport)),
      trdsSection(5, 'Primary sponsor', dl([['Sponsor', t.primarySponsor], ['Class', t.primarySponsorClass ? humanise(t.primarySponsorClass) : null],
        t.responsibleParty ? ['Responsible party', [humanise(t.responsibleParty.type), t.responsibleParty.investigatorName].filter(Boolean).join(': ')] : null])),
      trdsSection(6, 'Secondary sponsor(s)', list((t.secondarySponsors || []).concat((t.collaborators || []).map(function (c) { return c.name; })))),
      trdsSection(7, 'Contact for public queries', contact(t.publicContact)),
      trdsSection(8, 'Contact for scientific queries', h('div', null, contact(t.scientificContact),
        (t.overallOfficials || []).length ? list(t.overallOfficials, function (o) { return [o.name, o.affiliation, humanise(o.role)].filter(Boolean).join(', '); }) : null)),
      trdsSection(9, 'Public title', h('p', null, t.publicTitle || 'Not given')),
      trdsSection(10, 'Scientific title', dl([['Title', t.scientificTitle], ['Acronym', t.acronym]])),
      trdsSection(11, 'Countries of recruitment', h('div', null, list(t.countries),
        (t.sites || []).length ? h('details', null, h('summary', null, 'Sites (' + t.sites.length + ')'),
          list(t.sites, function (s) { return [s.facility, s.city, s.country, s.status ? humanise(s.status) : null].filter(Boolean).join(', '); })) : null)),
      trdsSection(12, 'Health condition(s) or problem(s) studied', list(t.conditions, function (c) {
        return (c.system ? c.system + ' ' : '') + c.code + (c.label ? ': ' + c.label : '') + (c.treatmentResistant ? ' (treatment-resistant)' : '');
      })),
      trdsSection(13, 'Intervention(s)', h('div', null, list(t.interventions, intervention),
        h('h4', null, 'Arms'), list(t.arms, function (a) {
          return h('span', null, h('strong', null, a.label), ' · ', humanise(a.type), a.description ? ' · ' + a.description : '',
            a.plannedSize ? ' · planned ' + a.plannedSize : '');
        }))),
      trdsSection(14, 'Key inclusion and exclusion criteria', h('div', null, dl([
        ['Ages', (e.minAgeYears != null ? e.minAgeYears : (e.minimumAge || '?')) + ' to ' + (e.maxAgeYears != null ? e.maxAgeYears : (e.maximumAge || '?')) + ' years'],
        ['Sex', e.sex ? humanise(e.sex) : null], ['Healthy volunteers', e.healthyVolunteers == null ? null : (e.healthyVolunteers ? 'Yes' : 'No')]]),
        h('h4', null, 'Inclusion'), list(e.inclusionCriteria), h('h4', null, 'Exclusion'), list(e.exclusionCriteria),
        e.criteriaText ? h('p', null, e.criteriaText) : null)),
      trdsSection(15, 'Study type', dl([
        ['Type', humanise(d.studyType)], ['Allocation', humanise(d.allocation)], ['Model', humanise(d.interventionModel)],
        ['Masking', d.masking ? humanise(d.masking.level) + ((d.masking.maskedRoles || []).length ? ' (' + d.masking.maskedRoles.map(humanise).join(', ') + ')' : '') : null],
        ['Phase', humanise(d.phase)], ['Primary purpose', humanise(d.primaryPurpose)],
        ['Randomisation', d.randomisation ? humanise(d.randomisation.method) : null],
        ['Blinded now', t.blinded == null ? null : (t.blinded ? 'Yes: allocations hidden' : 'No' + (t.unblindedAt ? ' (unblinded ' + t.unblindedAt + ')' : ''))]])),
      trdsSection(16, 'Date of first enrolment', dl([['Study start', partialDate(dates.studyStart) || t.anticipatedFirstEnrolment]])),
      trdsSection(17, 'Sample size', dl([['Target', t.targetSampleSize], ['Enrolled so far', t.actualEnrolment],
        t.enrolment ? ['Reported enrolment', t.enrolment.count + ' (' + humanise(t.enrolment.type) + ')'] : null])),
      trdsSection(18, 'Recruitment status', h('div', null, h('p', null, h('span', { class: 'badge ' + t.status }, humanise(t.status)),
        t.lastKnownStatus ? ' (last known: ' + humanise(t.lastKnownStatus) + ')' : ''), h('h4', null, 'Status history'), timeline(t.statusHistory))),
      trdsSection(19, 'Primary outcome(s)', outcomeList(t.primaryOutcomes)),
      trdsSection(20, 'Key secondary outcomes', outcomeList((t.secondaryOutcomes || []).concat(t.otherOutcomes || []))),
      trdsSection(21, 'Ethics review', list(ethics, function (r) {
        return [humanise(r.status), r.approvalDate ? 'approved ' + r.approvalDate : null, r.committee, r.reference].filter(Boolean).join(' · ');
      })),
      trdsSection(22, 'Completion date', dl([['Primary completion', partialDate(dates.primaryCompletion)],
        ['Study completion', partialDate(dates.studyCompletion) || t.completionDate]])),
      trdsSection(23, 'Summary results', t.summaryResults ? dl([
        ['Posted', t.summaryResults.postedOn], ['Summary', t.summaryResults.summary],
        ['Results', safeUrl(t.summaryResults.url) ? h('a', { href: t.summaryResults.url, rel: 'noopener noreferrer' }, t.summaryResults.url) : null],
        ['First publication', t.summaryResults.firstPublicationDate],
        ['Outcome measures reported', (t.summaryResults.outcomeMeasures || []).map(function (o) { return o.title; }).join('; ') || null]])
        : h('p', null, 'No summary results yet.')),
      trdsSection(24, 'IPD sharing statement', t.ipdSharing ? dl([['Plan', humanise(t.ipdSharing.plan)], ['Description', t.ipdSharing.description],
        ['Time frame', t.ipdSharing.timeFrame], ['Access', t.ipdSharing.accessCriteria]]) : h('p', null, 'Not given'))
    ];
    var more = h('section', { class: 'trds-item', id: 'trds-more', 'aria-labelledby': 'trds-h-more' },
      h('h3', { id: 'trds-h-more' }, 'Further record items'),
      dl([['Brief summary', t.briefSummary], ['Keywords', (t.keywords || []).join(', ') || null],
        ['Schedule', (t.schedule && t.schedule.visits || []).map(function (v) { return v.code + ' (day ' + v.dayOffset + ')'; }).join(', ') || null],
        ['References', (t.references || []).length ? list(t.references, function (r) {
          return h('span', null, r.citation || '', r.pmid ? [' ', h('a', { href: 'https://pubmed.ncbi.nlm.nih.gov/' + encodeURIComponent(r.pmid) + '/', rel: 'noopener noreferrer' }, 'PMID ' + r.pmid)] : null,
            r.doi ? [' ', h('a', { href: 'https://doi.org/' + r.doi, rel: 'noopener noreferrer' }, 'doi:' + r.doi)] : null);
        }) : null],
        ['Links', (t.links || []).length ? list(t.links, function (l) { return safeUrl(l.url) ? h('a', { href: l.url, rel: 'noopener noreferrer' }, l.label || l.url) : l.label; }) : null],
        ['Aggregate results shared', t.resultsSharing ? (t.resultsSharing.aggregateResults ? 'Yes' : 'No') : null],
        ['Record updated', t.updatedAt]]));
    items.push(more);
    return items;
  }

  // ---------------------------------------------------------------- trial page

  function trialPage(id) {
    clear(view);
    append(view, h('p', null, 'Loading ' + id + '…'));
    api('/api/v1/trials/' + encodeURIComponent(id)).then(function (t) {
      document.title = (t.acronym || t.id) + ' · Psybiome';
      clear(view);
      var c = claims();
      var ownConsortium = usableToken() && c && c.consortium === t.consortium && ANALYTIC_ROLES.indexOf(role(c)) >= 0;
      var toc = h('nav', { class: 'card', 'aria-label': 'On this page' }, h('ul', { class: 'plain' },
        h('li', null, h('a', { href: '#registry', onclick: jump('registry') }, 'Registry record (WHO TRDS items)')),
        ownConsortium ? h('li', null, h('a', { href: '#analytics', onclick: jump('analytics') }, 'Data and analyses')) : null,
        h('li', null, h('a', { href: '#live', onclick: jump('live') }, 'Live events'))));
      append(view, [
        h('p', { class: 'small' }, h('a', { href: '#/' }, '← Registry')),
        h('h1', { id: 'trial-title' }, (t.acronym ? t.acronym + ': ' : '') + (t.publicTitle || t.id)),
        h('p', { class: 'meta' }, h('span', { class: 'badge ' + t.status }, humanise(t.status)), h('span', null, t.id),
          h('span', null, 'Consortium ' + t.consortium), t.registeredOn ? h('span', null, 'Registered ' + t.registeredOn) : null),
        toc,
        h('section', { class: 'card trds', id: 'registry', 'aria-labelledby': 'registry-h' },
          h('h2', { id: 'registry-h' }, 'Registry record'),
          h('p', { class: 'small' }, 'The 24 items of the WHO Trial Registration Data Set, in its order.'),
          h('div', { class: 'grid' }, registryItems(t)))
      ]);
      var analytics = h('section', { id: 'analytics', 'aria-labelledby': 'analytics-h' });
      if (ownConsortium) {
        append(view, analytics);
        renderAnalytics(analytics, t);
      } else if (usableToken()) {
        append(view, h('section', { class: 'card', id: 'analytics' }, h('h2', null, 'Data and analyses'),
          h('p', null, 'This token does not read data of ' + t.consortium + ' (consortium ' + ((c && c.consortium) || 'none') + ', role ' + (role(c) || 'none') + ').')));
      } else {
        append(view, h('section', { class: 'card', id: 'analytics' }, h('h2', null, 'Data and analyses'),
          h('p', null, 'Results, trajectories and analyses are for the trial\'s consortium: sign in with a token (top right).')));
      }
      append(view, liveSection(t, analytics, ownConsortium));
      announce('Trial ' + t.id + ' loaded');
      focusHeading();
    }).catch(function (e) {
      clear(view);
      append(view, h('h1', null, 'Trial ' + id), errorBox(e), h('p', null, h('a', { href: '#/' }, 'Back to the registry')));
      focusHeading();
    });
  }

  function jump(id) {
    return function (e) {
      e.preventDefault();
      var target = document.getElementById(id);
      if (target) { target.setAttribute('tabindex', '-1'); target.focus(); target.scrollIntoView(); }
    };
  }

  // ---------------------------------------------------------------- signed-in analytics

  function renderAnalytics(root, trial) {
    clear(root);
    append(root, h('h2', { id: 'analytics-h' }, 'Data and analyses'), h('p', { class: 'small' }, 'Loading the overview…'));
    api('/api/v1/trials/' + encodeURIComponent(trial.id) + '/overview').then(function (overview) {
      var ctx = { trial: trial, overview: overview, root: root };
      root.psybiome = ctx;
      clear(root);
      append(root, h('h2', { id: 'analytics-h' }, 'Data and analyses'));
      renderOverview(ctx);
      if (!overview.results || overview.results.status !== 'AVAILABLE') {
        append(root, h('p', { class: 'notice' }, overview.results && overview.results.status === 'UNAVAILABLE'
          ? 'Results are unavailable just now (biomarker-service cannot be reached).' : 'Results are not visible to this token.'));
        return;
      }
      ctx.visits = overview.schedule || [];
      ctx.counts = overview.results.counts || [];
      ctx.outcomes = outcomesWithResults(trial, ctx.counts);
      if (!ctx.outcomes.length) {
        append(root, h('p', { class: 'notice' }, 'No registered outcome has results yet.'));
      }
      var withResults = ctx.visits.filter(function (v) { return ctx.counts.some(function (c) { return c.visit === v.code; }); });
      ctx.lastVisit = withResults.length ? withResults[withResults.length - 1].code : null;
      // Whether this token sees arms is the API's to say: the overview's summaries are per arm then.
      var summaries = overview.results.summaries || [];
      ctx.armsVisible = summaries.length > 0 && summaries[0].by === 'arm';
      renderOutcomeSections(ctx);
      renderAnalysisTable(ctx);
      renderConsort(ctx);
      renderDrift(ctx);
    }).catch(function (e) { clear(root); append(root, h('h2', { id: 'analytics-h' }, 'Data and analyses'), errorBox(e)); });
  }

  function outcomesWithResults(trial, counts) {
    var seen = {};
    var out = [];
    [['PRIMARY', trial.primaryOutcomes], ['SECONDARY', trial.secondaryOutcomes]].forEach(function (group) {
      (group[1] || []).forEach(function (o) {
        var code = o.measure && o.measure.code;
        if (!code || seen[code]) return;
        if (!counts.some(function (c) { return c.analyte === code && c.results - (c.censored || 0) > 0; })) return;
        seen[code] = true;
        out.push({ code: code, role: group[0], description: o.description });
      });
    });
    return out;
  }

  function renderOverview(ctx) {
    var o = ctx.overview;
    var results = o.results || {};
    var card = h('section', { class: 'card', id: 'overview', 'aria-labelledby': 'overview-h' }, h('h3', { id: 'overview-h' }, 'Overview'));
    append(card, dl([
      ['Enrolled', o.trial && o.trial.actualEnrolment != null ? o.trial.actualEnrolment + ' of ' + (o.trial.targetSampleSize || '?') + ' planned' : null],
      ['Results stored', h('span', { id: 'results-total' }, results.total != null ? String(results.total) : humanise(results.status))],
      ['Arms shown to this token', (results.summaries || []).length ? ((results.summaries[0].by === 'arm') ? 'Yes' : 'No: pooled figures only (the trial is blinded to this role)') : null],
      o.partial ? ['Partial', 'Not available: ' + (o.unavailable || []).join(', ')] : null]));
    var visits = o.schedule || [];
    if (visits.length) {
      var counts = results.counts || [];
      var table = h('table', { id: 'schedule-table' }, h('caption', null, 'Schedule of assessments and results stored per visit'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Visit'), h('th', { scope: 'col', class: 'num' }, 'Day'),
          h('th', { scope: 'col' }, 'Panels'), h('th', { scope: 'col' }, 'Scales'), h('th', { scope: 'col', class: 'num' }, 'Results'))),
        h('tbody', null, visits.map(function (v) {
          var n = counts.filter(function (c) { return c.visit === v.code; }).reduce(function (a, c) { return a + c.results; }, 0);
          return h('tr', null, h('th', { scope: 'row' }, v.code + (v.label ? ' · ' + v.label : '') + (v.baseline ? ' (baseline)' : '')),
            h('td', { class: 'num' }, v.dayOffset), h('td', null, (v.panels || []).join(', ')), h('td', null, (v.scales || []).join(', ')),
            h('td', { class: 'num' }, n));
        })));
      append(card, wrap(table));
    }
    append(ctx.root, card);
  }

  function renderOutcomeSections(ctx) {
    if (!ctx.outcomes.length) return;
    var outcome = h('select', { id: 'outcome-select' }, ctx.outcomes.map(function (o) {
      return h('option', { value: o.code }, o.code + ' (' + humanise(o.role) + ')');
    }));
    var change = h('input', { type: 'checkbox', id: 'change-toggle' });
    var visitSelect = h('select', { id: 'visit-select' });
    var controls = h('div', { class: 'controls card', role: 'group', 'aria-label': 'Outcome and visit' },
      h('div', null, h('label', { for: 'outcome-select' }, 'Outcome'), outcome),
      h('div', null, h('label', { class: 'inline', for: 'change-toggle' }, change, 'Change from baseline')),
      h('div', null, h('label', { for: 'visit-select' }, 'Visit (distribution and analysis)'), visitSelect));
    var trajectoryCard = h('section', { class: 'card', id: 'trajectory', 'aria-labelledby': 'trajectory-h' });
    var distributionCard = h('section', { class: 'card', id: 'distribution', 'aria-labelledby': 'distribution-h' });
    var missingCard = h('section', { class: 'card', id: 'missing', 'aria-labelledby': 'missing-h' });
    append(ctx.root, [controls, h('div', { class: 'grid' }, trajectoryCard, distributionCard), missingCard]);

    function visitsOf(code) {
      return ctx.visits.filter(function (v) {
        return ctx.counts.some(function (c) { return c.visit === v.code && c.analyte === code && c.results - (c.censored || 0) > 0; });
      });
    }
    function fillVisits() {
      var current = visitSelect.value || ctx.selectedVisit;
      clear(visitSelect);
      var vs = visitsOf(outcome.value).filter(function (v) { return !(change.checked && v.baseline); });
      vs.forEach(function (v) { visitSelect.appendChild(h('option', { value: v.code }, v.code + (v.label ? ' · ' + v.label : ''))); });
      if (vs.some(function (v) { return v.code === current; })) visitSelect.value = current;
      else if (vs.length) visitSelect.value = vs[vs.length - 1].code;
      ctx.selectedVisit = visitSelect.value;
    }
    function refresh() {
      fillVisits();
      drawTrajectory(ctx, trajectoryCard, outcome.value, change.checked, visitsOf(outcome.value));
      drawDistribution(ctx, distributionCard, outcome.value, change.checked, visitSelect.value);
      drawMissing(ctx, missingCard, outcome.value);
    }
    outcome.addEventListener('change', refresh);
    change.addEventListener('change', refresh);
    visitSelect.addEventListener('change', function () {
      ctx.selectedVisit = visitSelect.value;
      drawDistribution(ctx, distributionCard, outcome.value, change.checked, visitSelect.value);
      renderAnalysisTable(ctx);
    });
    ctx.refreshOutcome = refresh;
    refresh();
  }

  function summaryUrl(ctx, analyte, visit, change) {
    return '/api/v1/trials/' + encodeURIComponent(ctx.trial.id) + '/summaries/' + encodeURIComponent(analyte) +
      query({ visit: visit, by: ctx.armsVisible ? 'arm' : 'pooled', change: change ? 'true' : null });
  }

  function seriesOf(summary) {
    if (summary.by === 'arm') {
      return (summary.arms || []).map(function (a) { return { name: a.arm, code: a.code, stats: a.statistics || {} }; });
    }
    return [{ name: 'All participants (pooled)', code: 'pooled', stats: summary.pooled || {} }];
  }

  function drawTrajectory(ctx, card, analyte, change, visits) {
    clear(card);
    var title = analyte + (change ? ': change from baseline' : '') + ' across visits, mean with 95% CI';
    append(card, h('h3', { id: 'trajectory-h' }, title), h('p', { class: 'small' }, 'Loading…'));
    var shown = visits.filter(function (v) { return !(change && v.baseline); });
    Promise.all(shown.map(function (v) { return api(summaryUrl(ctx, analyte, v.code, change)); })).then(function (summaries) {
      clear(card);
      append(card, h('h3', { id: 'trajectory-h' }, title));
      var byName = {};
      var order = [];
      var unit = summaries.length ? summaries[0].unit : '';
      summaries.forEach(function (s, i) {
        seriesOf(s).forEach(function (x) {
          if (!byName[x.name]) { byName[x.name] = { name: x.name, code: x.code, points: [] }; order.push(x.name); }
          var st = x.stats;
          var ci = window.PsyCharts.meanCi(st.n, st.mean, st.sd);
          byName[x.name].points.push({ visit: shown[i].code, n: st.n, mean: st.mean, sd: st.sd,
            low: ci ? ci.low : null, high: ci ? ci.high : null });
        });
      });
      var series = order.map(function (n) { return byName[n]; });
      var figure = h('figure', { class: 'chart-figure' });
      var desc = series.map(function (s) {
        return s.name + ': ' + s.points.map(function (p) { return p.visit + ' ' + fmt(p.mean); }).join(', ');
      }).join('; ');
      window.PsyCharts.trajectory(figure, {
        id: 'trajectory-chart', title: title, yLabel: analyte + (unit ? ' (' + unit + ')' : '') + (change ? ' change' : ''),
        desc: 'Line chart of the mean per ' + (series.length > 1 ? 'arm' : 'visit, all participants pooled') + ' with 95% confidence intervals. ' + desc,
        visits: shown, series: series
      });
      append(figure, legend(series), h('figcaption', { class: 'small' },
        'Means and 95% CIs (mean ± t₀.₉₇₅,ₙ₋₁·SD/√n) from the API\'s summaries: latest result per participant and visit, censored and QC-failed values left out.' +
        (ctx.armsVisible ? '' : ' Pooled over arms: arms are not shown to this token.')));
      append(card, figure);
      var table = h('table', { id: 'trajectory-table', 'data-analyte': analyte, 'data-change': String(change) },
        h('caption', null, 'Numbers of the chart'),
        h('thead', null, h('tr', null, ['Series', 'Visit', 'n', 'Mean', 'SD', '95% CI low', '95% CI high'].map(function (c, i) {
          return h('th', { scope: 'col', class: i > 1 ? 'num' : null }, c);
        }))),
        h('tbody', null, series.map(function (s) {
          return s.points.map(function (p) {
            return h('tr', { 'data-series': s.name, 'data-visit': p.visit, 'data-n': p.n, 'data-mean': p.mean, 'data-low': p.low, 'data-high': p.high },
              h('th', { scope: 'row' }, s.name), h('td', null, p.visit), h('td', { class: 'num' }, p.n),
              h('td', { class: 'num' }, fmt(p.mean)), h('td', { class: 'num' }, fmt(p.sd)),
              h('td', { class: 'num' }, fmt(p.low)), h('td', { class: 'num' }, fmt(p.high)));
          });
        })));
      append(card, h('details', null, h('summary', null, 'Table of the chart\'s numbers'), wrap(table)));
    }).catch(function (e) { clear(card); append(card, h('h3', { id: 'trajectory-h' }, title), errorBox(e)); });
  }

  function legend(series) {
    return h('ul', { class: 'legend', 'aria-hidden': 'true' }, series.map(function (s, i) {
      var sw = h('span', { class: 'swatch' });
      sw.style.background = window.PsyCharts.colours[i % window.PsyCharts.colours.length];
      return h('li', null, sw, s.name);
    }));
  }

  function drawDistribution(ctx, card, analyte, change, visit) {
    clear(card);
    var title = analyte + (change ? ' change from baseline' : '') + ' at ' + (visit || '–') + ': distribution' + (ctx.armsVisible ? ' per arm' : '');
    append(card, h('h3', { id: 'distribution-h' }, title));
    if (!visit) { append(card, h('p', null, 'No visit with results.')); return; }
    api(summaryUrl(ctx, analyte, visit, change)).then(function (s) {
      var boxes = seriesOf(s).map(function (x) {
        var st = x.stats;
        return { name: x.name, n: st.n, min: st.min, q1: st.q1, median: st.median, q3: st.q3, max: st.max, mean: st.mean };
      });
      var figure = h('figure', null);
      window.PsyCharts.boxes(figure, {
        id: 'distribution-chart', title: title, yLabel: analyte + (s.unit ? ' (' + s.unit + ')' : ''),
        desc: 'Box plot: whiskers from minimum to maximum, box from first to third quartile, line at the median, diamond at the mean. ' +
          boxes.map(function (b) { return b.name + ': median ' + fmt(b.median) + ', quartiles ' + fmt(b.q1) + ' to ' + fmt(b.q3) + ', n ' + b.n; }).join('; '),
        boxes: boxes
      });
      append(figure, h('figcaption', { class: 'small' }, 'From the summary\'s minimum, quartiles (type 7), median, maximum and mean; no individual value leaves the API.'));
      append(card, figure);
      append(card, h('details', null, h('summary', null, 'Table of the box plot\'s numbers'), h('div', { class: 'table-wrap' },
        h('table', { id: 'distribution-table' }, h('caption', null, 'Distribution at ' + visit),
          h('thead', null, h('tr', null, ['Series', 'n', 'Min', 'Q1', 'Median', 'Q3', 'Max', 'Mean'].map(function (c, i) { return h('th', { scope: 'col', class: i ? 'num' : null }, c); }))),
          h('tbody', null, boxes.map(function (b) {
            return h('tr', null, h('th', { scope: 'row' }, b.name), [b.n, b.min, b.q1, b.median, b.q3, b.max, b.mean].map(function (v, i) {
              return h('td', { class: 'num' }, i ? fmt(v) : v);
            }));
          }))))));
    }).catch(function (e) { append(card, errorBox(e)); });
  }

  function drawMissing(ctx, card, analyte) {
    clear(card);
    append(card, h('h3', { id: 'missing-h' }, 'Missing data: ' + analyte));
    api('/api/v1/trials/' + encodeURIComponent(ctx.trial.id) + '/missing-data' + query({ analyte: analyte })).then(function (m) {
      var groups = [{ name: 'All', counts: function (v) { return v.pooled || {}; } }];
      if (m.byArm) {
        var first = (m.visits || []).find(function (v) { return (v.arms || []).length; });
        ((first && first.arms) || []).forEach(function (a) {
          groups.push({ name: a.label || a.arm, counts: function (v) { var x = (v.arms || []).find(function (y) { return y.arm === a.arm; }); return x ? x.counts : {}; } });
        });
      }
      var cols = ['expected', 'observed', 'censored', 'failedQc', 'outOfWindow', 'missing', 'notYetDue'];
      var table = h('table', { id: 'missing-table' },
        h('caption', null, 'Per visit' + (m.byArm ? ', pooled and per arm' : ', pooled (arms are not shown to this token)')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Visit'), h('th', { scope: 'col' }, 'Group'),
          cols.map(function (c) { return h('th', { scope: 'col', class: 'num' }, humanise(c.replace(/([A-Z])/g, ' $1'))); }))),
        h('tbody', null, (m.visits || []).map(function (v) {
          return groups.map(function (g, gi) {
            var counts = g.counts(v);
            return h('tr', null, gi === 0 ? h('th', { scope: 'rowgroup', rowspan: groups.length }, v.visit + (v.scheduled === false ? ' (not scheduled)' : '')) : null,
              h('td', null, g.name), cols.map(function (c) { return h('td', { class: 'num' }, counts[c] == null ? '–' : counts[c]); }));
          });
        })));
      append(card, wrap(table));
    }).catch(function (e) { append(card, errorBox(e)); });
  }

  function renderAnalysisTable(ctx) {
    var card = document.getElementById('analysis');
    if (!card) {
      card = h('section', { class: 'card', id: 'analysis', 'aria-labelledby': 'analysis-h' });
      append(ctx.root, card);
    }
    var visit = ctx.selectedVisit || ctx.lastVisit;
    clear(card);
    append(card, h('h3', { id: 'analysis-h' }, 'Analysis table at ' + (visit || '–')));
    if (!visit) { append(card, h('p', null, 'No visit with results.')); return; }
    api('/api/v1/trials/' + encodeURIComponent(ctx.trial.id) + '/analysis' + query({ visit: visit })).then(function (a) {
      var cols = ctx.armsVisible && !a.blinded
        ? ['Measure', 'Role', 'Arm vs comparator', 'Analysis', 'Estimate', '95% CI', 'p', 'Adjusted p', 'Adjustment', 'n', 'Note']
        : ['Measure', 'Role', 'n (pooled)', 'Note'];
      var table = h('table', { id: 'analysis-table' },
        h('caption', null, a.blinded ? 'Blinded to this token: pooled n only, no comparison' : 'Each arm against the comparator; p adjusted for multiplicity as each row says'),
        h('thead', null, h('tr', null, cols.map(function (c) { return h('th', { scope: 'col' }, c); }))),
        h('tbody', null, (a.rows || []).map(function (r) {
          if (cols.length === 4) {
            return h('tr', null, h('th', { scope: 'row' }, r.measure), h('td', null, humanise(r.role)), h('td', { class: 'num' }, r.n), h('td', null, r.reason || ''));
          }
          return h('tr', { 'data-measure': r.measure },
            h('th', { scope: 'row' }, r.measure), h('td', null, humanise(r.role)),
            h('td', null, r.experimentalArm ? r.experimentalArm + ' vs ' + r.comparatorArm : '–'),
            h('td', null, r.analysis ? r.analysis.replace('_', ' ') + (r.estimand === 'GEOMETRIC_MEAN_RATIO' ? ' (ratio)' : ' (difference)') : '–'),
            h('td', { class: 'num' }, fmt(r.estimate)),
            h('td', { class: 'num' }, r.ciLow == null ? '–' : fmt(r.ciLow) + ' to ' + fmt(r.ciHigh)),
            h('td', { class: 'num' }, pValue(r.p)), h('td', { class: 'num' }, pValue(r.pAdjusted)),
            h('td', null, r.adjustment ? humanise(r.adjustment) : '–'), h('td', { class: 'num' }, r.n), h('td', null, r.reason || ''));
        })));
      append(card, wrap(table));
    }).catch(function (e) { append(card, errorBox(e)); });
  }

  function renderConsort(ctx) {
    var card = h('section', { class: 'card consort', id: 'consort', 'aria-labelledby': 'consort-h' }, h('h3', { id: 'consort-h' }, 'CONSORT flow diagram'));
    append(ctx.root, card);
    api('/api/v1/trials/' + encodeURIComponent(ctx.trial.id) + '/consort', { accept: 'image/svg+xml' }).then(function (svgText) {
      var doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      var svg = doc.documentElement;
      if (!svg || svg.nodeName.toLowerCase() !== 'svg') throw new Error('The CONSORT diagram could not be read');
      // drawn by the gateway; still, nothing active is let in
      Array.prototype.forEach.call(svg.querySelectorAll('script, foreignObject'), function (n) { n.remove(); });
      Array.prototype.forEach.call(svg.querySelectorAll('*'), function (n) {
        Array.prototype.slice.call(n.attributes).forEach(function (attr) { if (/^on/i.test(attr.name)) n.removeAttribute(attr.name); });
      });
      append(card, wrap(document.importNode(svg, true)));
    }).catch(function (e) { append(card, errorBox(e)); });
  }

  function renderDrift(ctx) {
    var card = h('section', { class: 'card', id: 'drift', 'aria-labelledby': 'drift-h' }, h('h3', { id: 'drift-h' }, 'Outcome drift: results per visit and analyte'));
    append(ctx.root, card);
    api('/api/v1/trials/' + encodeURIComponent(ctx.trial.id) + '/drift').then(function (d) {
      var analytes = [];
      (d.visits || []).forEach(function (v) {
        (v.registered || []).concat((v.reported || []).map(function (r) { return r.analyte; })).forEach(function (a) {
          if (analytes.indexOf(a) < 0) analytes.push(a);
        });
      });
      var max = 1;
      (d.visits || []).forEach(function (v) { (v.reported || []).forEach(function (r) { max = Math.max(max, r.results); }); });
      var table = h('table', { class: 'heat', id: 'drift-table' },
        h('caption', null, 'Heat map: rows are analytes, columns visits; a cell gives the results stored. Registered and reported cells are blue (darker: more results), registered but not reported red ("none"), reported without registration orange (marked "unreg.").'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Analyte'), (d.visits || []).map(function (v) {
          return h('th', { scope: 'col', class: 'num' }, v.visit + (v.inSchedule ? '' : ' (dropped)'));
        }))),
        h('tbody', null, analytes.map(function (a) {
          return h('tr', null, h('th', { scope: 'row' }, a), (d.visits || []).map(function (v) {
            var registered = (v.registered || []).indexOf(a) >= 0;
            var reported = (v.reported || []).find(function (r) { return r.analyte === a; });
            var cls, label;
            if (reported && registered) {
              var share = reported.results / max;
              cls = 'reported' + (share > 0.66 ? ' top' : share > 0.33 ? ' high' : '');
              label = String(reported.results);
            } else if (reported) {
              cls = 'unregistered'; label = reported.results + ' unreg.';
            } else if (registered) {
              cls = 'missing'; label = 'none';
            } else {
              cls = 'none'; label = '·';
            }
            return h('td', { class: 'cell ' + cls, title: a + ' at ' + v.visit + ': ' + label }, label);
          }));
        })));
      var t = d.totals || {};
      append(card, h('p', { class: 'small' }, 'Pre-registered pairs ' + t.registered + ', reported ' + t.reported + ', reported without registration ' +
        t.reportedUnregistered + ', registered but not reported ' + t.registeredNotReported + ' (schedule of version ' + d.trialVersion + ').'),
        wrap(table));
    }).catch(function (e) { append(card, errorBox(e)); });
  }

  // ---------------------------------------------------------------- live events (SSE over fetch)

  function liveSection(trial, analytics, ownConsortium) {
    var list = h('ol', { class: 'feed', id: 'feed', 'aria-live': 'polite', 'aria-relevant': 'additions', reversed: true,
      tabindex: '0', 'aria-label': 'Events, newest first' });
    var status = h('p', { class: 'small', id: 'feed-status' }, 'Connecting…');
    var card = h('section', { class: 'card', id: 'live', 'aria-labelledby': 'live-h' },
      h('h2', { id: 'live-h' }, 'Live events'),
      h('p', { class: 'small' }, usableToken() ? 'Events of this trial that this token may see, newest first; the data above updates as results arrive.'
        : 'Public events of this trial, newest first. Sign in to see results arriving.'),
      status, list);
    followEvents(trial, list, status, function (type) {
      if (ownConsortium && /batch-ingested|result-corrected/.test(type)) scheduleRefresh(trial, analytics);
    });
    return card;
  }

  var refreshTimer = null;
  function scheduleRefresh(trial, analytics) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      if (document.body.contains(analytics)) {
        // keep the selections: refresh the numbers in place
        api('/api/v1/trials/' + encodeURIComponent(trial.id) + '/overview').then(function (o) {
          var total = document.getElementById('results-total');
          if (total && o.results && o.results.total != null) total.textContent = String(o.results.total);
          var ctx = analytics.psybiome;
          if (ctx && ctx.refreshOutcome && o.results && o.results.counts) {
            ctx.counts = o.results.counts;
            ctx.refreshOutcome();
          }
        }).catch(function () { /* the feed's notice stays */ });
      }
    }, 1000);
  }

  function followEvents(trial, list, status, onEvent) {
    var controller = new AbortController();
    feedController = controller;
    var headers = { Accept: 'text/event-stream' };
    var t = usableToken();
    if (t) headers.Authorization = 'Bearer ' + t;
    var lastId = null;
    var attempt = 0;
    function connect() {
      if (lastId) headers['Last-Event-ID'] = lastId;
      fetch('/api/v1/events' + query({ trial: trial.id }), { headers: headers, signal: controller.signal }).then(function (response) {
        if (response.status === 401 && t) { signOut(REFUSED, t); return; }
        if (!response.ok || !response.body) throw new Error('The event feed answered ' + response.status);
        status.textContent = 'Connected: waiting for events.';
        status.setAttribute('data-connected', 'true');
        attempt = 0;
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('closed');
            buffer += decoder.decode(chunk.value, { stream: true });
            var split;
            while ((split = buffer.search(/\r?\n\r?\n/)) >= 0) {
              var block = buffer.substring(0, split);
              buffer = buffer.substring(split).replace(/^\r?\n\r?\n/, '');
              dispatch(block);
            }
            return pump();
          });
        }
        return pump();
      }).catch(function (e) {
        if (controller.signal.aborted) return;
        status.textContent = 'Disconnected; reconnecting…';
        status.removeAttribute('data-connected');
        attempt++;
        setTimeout(function () { if (!controller.signal.aborted) connect(); }, Math.min(30000, 1000 * Math.pow(2, attempt)));
      });
    }
    function dispatch(block) {
      var event = { data: [] };
      block.split(/\r?\n/).forEach(function (line) {
        if (!line || line.charAt(0) === ':') return;
        var i = line.indexOf(':');
        var field = i < 0 ? line : line.substring(0, i);
        var value = i < 0 ? '' : line.substring(i + 1).replace(/^ /, '');
        if (field === 'data') event.data.push(value);
        else if (field === 'event') event.type = value;
        else if (field === 'id') event.id = value;
      });
      if (!event.data.length) return;
      if (event.id) lastId = event.id;
      var cloud = {};
      try { cloud = JSON.parse(event.data.join('\n')); } catch (e) { cloud = {}; }
      var type = event.type || cloud.type || 'message';
      var data = cloud.data || {};
      var what = describe(type, data);
      var item = h('li', { 'data-type': type },
        h('time', { datetime: cloud.time || '' }, (cloud.time || new Date().toISOString()).replace('T', ' ').replace(/\..*$/, '').replace('Z', '') + ' UTC'),
        ' ', h('span', { class: 'type' }, type.replace(/^org\.psybiome\./, '')), ': ', what);
      list.insertBefore(item, list.firstChild);
      while (list.children.length > 50) list.removeChild(list.lastChild);
      onEvent(type, data);
    }
    connect();
  }

  function describe(type, d) {
    if (/batch-ingested/.test(type)) return (d.rows != null ? d.rows + ' results stored' : 'results stored') + (d.visits ? ' at ' + d.visits.join(', ') : '') + (d.analytes ? ' (' + d.analytes.slice(0, 6).join(', ') + (d.analytes.length > 6 ? ', …' : '') + ')' : '');
    if (/result-corrected/.test(type)) return 'a result of ' + (d.analyte || '?') + ' at ' + (d.visit || '?') + ' corrected';
    if (/status-changed/.test(type) && !/participant/.test(type)) return 'status ' + humanise(d.from) + ' → ' + humanise(d.to);
    if (/participant-status-changed/.test(type)) return 'participant ' + (d.code || '') + ': ' + humanise(d.status);
    if (/participant-unblinded/.test(type)) return 'participant ' + (d.code || '') + ' unblinded in an emergency';
    if (/unblinded/.test(type)) return 'trial unblinded';
    if (/updated/.test(type)) return 'record updated to version ' + (d.version || '?');
    if (/registered/.test(type)) return 'trial registered';
    return '';
  }

  // ---------------------------------------------------------------- start

  window.addEventListener('hashchange', route);
  function begin() {
    renderSignIn();
    route();
  }
  // back from the sign-in provider: the code is traded for a token before the page is drawn
  var returning = window.PsySignIn.complete();
  if (returning) {
    returning.then(function (signedIn) {
      sessionStorage.setItem(TOKEN_KEY, signedIn.accessToken);
      showSignInMessage(null);
      announce('Signed in');
    }, function (e) {
      showSignInMessage(e.message);
    }).then(begin);
  } else {
    begin();
  }
})();
