// The console's page. Every value from the simulator is put into the page as text (textContent or a
// text node), never as markup: a short_message or system_id holding HTML must stay visible as text.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  if (params.get('token')) {
    sessionStorage.setItem('smppex-token', params.get('token'));
    // Out of the address bar, the history and any screenshot; the tab keeps it in sessionStorage.
    params.delete('token');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : '') + location.hash);
  }
  const token = sessionStorage.getItem('smppex-token');
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const RECEIPT_STATES = ['DELIVRD', 'UNDELIV', 'EXPIRED', 'REJECTD', 'DELETED', 'ACCEPTD'];
  const state = { offset: 0, total: 0, selected: null, seen: new Set(), tab: 'messages', rates: [], lastStats: null };

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const k of kids) { if (k != null) e.append(k instanceof Node ? k : document.createTextNode(String(k))); }
    return e;
  }

  async function api(method, path, body) {
    const headers = {};
    if (token) headers['Authorization'] = 'Bearer ' + token;
    if (method !== 'GET') headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body || {}) });
    const text = await r.text();
    const data = text ? JSON.parse(text) : {};
    if (!r.ok) { throw new Error((data.error && data.error.message) || r.statusText); }
    return data;
  }

  function fmtTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  }
  function stateBadge(s) { return el('span', { class: 'state ' + (s || '') }, s || ''); }
  function setStatus(node, msg, ok) { node.textContent = msg; node.className = 'status ' + (ok ? 'ok' : 'err'); }

  // ---- tabs -------------------------------------------------------------------------------------------
  function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    const tab = ['messages', 'sessions', 'mo', 'rules', 'stats'].includes(parts[0]) ? parts[0] : 'messages';
    state.tab = tab;
    document.querySelectorAll('.tab').forEach((t) => { t.hidden = t.id !== 'tab-' + tab; });
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.tab === tab));
    if (tab === 'messages') {
      const id = parts[1] ? decodeURIComponent(parts.slice(1).join('/')) : null;
      if (id) openMessage(id); else closeDetail();
    }
    if (tab === 'sessions') loadSessions();
    if (tab === 'rules') loadRules();
    if (tab === 'stats') loadStats();
  }
  window.addEventListener('hashchange', route);

  // ---- messages ---------------------------------------------------------------------------------------
  function query() {
    const q = new URLSearchParams();
    const add = (k, id) => { const v = $(id).value.trim(); if (v) q.set(k, v); };
    add('text', 'f-text'); add('dest', 'f-dest'); add('source', 'f-source'); add('system_id', 'f-system-id'); add('state', 'f-state');
    q.set('offset', state.offset); q.set('limit', PAGE);
    return q.toString();
  }

  let loading = false, again = false;
  async function loadMessages() {
    if (loading) { again = true; return; }
    loading = true;
    try {
      const page = await api('GET', '/api/v1/messages?' + query());
      renderMessages(page);
    } catch (e) { console.warn(e); }
    loading = false;
    if (again) { again = false; loadMessages(); }
  }

  function renderMessages(page) {
    state.total = page.total;
    const body = $('messages').tBodies[0];
    const prev = state.seen;
    // A trickle of new rows flashes; a flood does not, since 50 rows animating at once would keep the
    // browser repainting for as long as the load lasts.
    const arrived = prev.size ? page.messages.filter((m) => !prev.has(m.id)).length : 0;
    const flash = arrived > 0 && arrived <= 5;
    const rows = page.messages.map((m) => {
      const tr = el('tr', { 'data-id': m.id, class: (flash && !prev.has(m.id) ? 'fresh' : '') + (m.id === state.selected ? ' sel' : '') },
        el('td', { class: 'time' }, fmtTime(m.submitted_at)),
        el('td', {}, m.source),
        el('td', {}, m.dest),
        // The badge goes first: after a long text it was cut off by the cell's ellipsis, and long texts are the ones that have parts.
        el('td', { class: 'txt', title: m.text || '' }, m.parts > 1 ? el('span', { class: 'parts' }, m.parts + ' parts') : null, m.text || ''),
        el('td', {}, m.system_id),
        el('td', {}, stateBadge(m.state)));
      tr.addEventListener('click', () => { location.hash = '#/messages/' + encodeURIComponent(m.id); });
      return tr;
    });
    // Only the rows shown last time: a set of every id ever seen would grow for as long as the page is open.
    state.seen = new Set(page.messages.map((m) => m.id));
    if (state.seen.size === 0) state.seen.add('');
    body.replaceChildren(...rows);
    $('messages-empty').hidden = rows.length > 0;
    $('count-messages').textContent = page.total;
    const from = page.total === 0 ? 0 : state.offset + 1;
    $('page-info').textContent = from + '–' + (state.offset + page.messages.length) + ' of ' + page.total;
    $('prev').disabled = state.offset === 0;
    $('next').disabled = state.offset + PAGE >= page.total;
  }

  let debounce = null;
  function refreshSoon() { clearTimeout(debounce); debounce = setTimeout(loadMessages, 250); }
  // Under load the stream brings events every tick (100 ms): a debounce would be reset before it fired
  // and the list would freeze until the traffic stopped, so live updates are throttled instead. The
  // first event after a quiet second shows within 250 ms; a steady flow reloads the list once a second,
  // which is as fast as anyone reads it and keeps the browser's share of a loaded machine small.
  let liveTimer = null;
  let lastLive = 0;
  function refreshLive() {
    if (liveTimer !== null) return;
    const since = Date.now() - lastLive;
    liveTimer = setTimeout(() => { liveTimer = null; lastLive = Date.now(); loadMessages(); }, since < 1000 ? 1000 - since : 250);
  }
  let detailTimer = null;
  function refreshDetail() {
    if (detailTimer === null) detailTimer = setTimeout(() => { detailTimer = null; if (state.selected) openMessage(state.selected); }, 100);
  }
  for (const id of ['f-text', 'f-dest', 'f-source', 'f-system-id']) $(id).addEventListener('input', () => { state.offset = 0; refreshSoon(); });
  $('f-state').addEventListener('change', () => { state.offset = 0; loadMessages(); });
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadMessages(); });
  $('next').addEventListener('click', () => { state.offset += PAGE; loadMessages(); });
  $('clear-messages').addEventListener('click', async () => {
    if (!confirm('Remove every message from the journal?')) return;
    await api('DELETE', '/api/v1/messages');
    location.hash = '#/messages';
    loadMessages();
  });

  function closeDetail() { state.selected = null; $('detail').hidden = true; document.querySelectorAll('#messages tr.sel').forEach((r) => r.classList.remove('sel')); }
  $('detail-close').addEventListener('click', () => { location.hash = '#/messages'; });

  async function openMessage(id) {
    state.selected = id;
    document.querySelectorAll('#messages tbody tr').forEach((r) => r.classList.toggle('sel', r.dataset.id === id));
    let m;
    try { m = await api('GET', '/api/v1/messages/' + encodeURIComponent(id)); } catch (e) {
      $('detail').hidden = false; $('detail-title').textContent = 'Message ' + id; $('detail-text').textContent = e.message; return;
    }
    if (state.selected !== id) return;
    renderDetail(m);
  }

  function renderDetail(m) {
    $('detail').hidden = false;
    $('detail').dataset.id = m.id;
    $('detail-title').textContent = 'Message ' + m.id;
    $('detail-state').replaceWith(Object.assign(stateBadge(m.state), { id: 'detail-state' }));
    $('detail-text').textContent = m.text || '';
    const f = [['From', m.source], ['To', m.dest], ['system_id', m.system_id], ['Session', m.session],
      ['data_coding', '0x' + Number(m.data_coding).toString(16).padStart(2, '0')], ['Parts', m.parts], ['Submitted', m.submitted_at]];
    $('detail-fields').replaceChildren(...f.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v == null ? '' : v)]));
    // A final message cannot take another receipt (the API answers 409): show that before a click.
    const final = m.state !== 'ENROUTE';
    $('receipt-buttons').replaceChildren(...RECEIPT_STATES.map((s) => {
      const b = el('button', { type: 'button', class: s === 'DELIVRD' ? '' : 'plain', id: 'receipt-' + s,
        onclick: () => sendReceipt(m.id, s) }, s);
      if (final) { b.disabled = true; b.title = 'the message is already ' + m.state; }
      return b;
    }));
    $('detail-receipts').tBodies[0].replaceChildren(...(m.receipts || []).map((r) => el('tr', {}, el('td', {}, fmtTime(r.at)), el('td', {}, r.state), el('td', {}, r.status))));
    $('detail-parts').textContent = m.parts > 1 ? '(' + m.parts + ' parts)' : '';
    $('detail-pdus').replaceChildren(...(m.pdus || []).map((p) => el('details', { class: 'pdu' },
      el('summary', {}, el('span', { class: 'dir ' + p.direction }, p.direction === 'in' ? 'IN' : 'OUT'), el('b', {}, p.command),
        el('span', {}, '#' + p.sequence), el('span', {}, p.status || ''), el('span', { class: 'time' }, fmtTime(p.at))),
      el('div', { class: 'body' }, el('pre', { class: 'fields-json' }, JSON.stringify(p.fields, null, 2)), el('pre', { class: 'hex' }, spaced(p.hex))))));
  }
  function spaced(hex) { return (hex || '').replace(/(..)/g, '$1 ').replace(/((?:.. ){16})/g, '$1\n').trim(); }

  async function sendReceipt(id, s) {
    try {
      await api('POST', '/api/v1/messages/' + encodeURIComponent(id) + '/receipt', { state: s });
      setStatus($('receipt-status'), s + ' receipt sent', true);
      setTimeout(() => { if (state.selected === id) openMessage(id); loadMessages(); }, 150);
    } catch (e) { setStatus($('receipt-status'), e.message, false); }
  }

  // ---- sessions ---------------------------------------------------------------------------------------
  async function loadSessions() {
    let data;
    try { data = await api('GET', '/api/v1/sessions'); } catch (e) { return; }
    $('count-sessions').textContent = data.sessions.length;
    if (state.tab !== 'sessions') return;
    $('sessions').tBodies[0].replaceChildren(...data.sessions.map((s) => el('tr', { 'data-id': s.id },
      el('td', {}, s.id), el('td', {}, s.system_id || ''), el('td', {}, s.bind || ''), el('td', {}, s.remote || ''),
      el('td', {}, s.window_used + ' / ' + s.window_size),
      el('td', {}, Object.entries(s.counters || {}).map(([k, v]) => k + ' ' + v).join(' · ')),
      el('td', {}, el('button', { type: 'button', class: 'plain kick', onclick: () => kick(s.id, false) }, 'Unbind'), ' ',
        el('button', { type: 'button', class: 'danger', onclick: () => kick(s.id, true) }, 'Close')))));
    $('sessions-empty').hidden = data.sessions.length > 0;
  }
  async function kick(id, force) {
    try { await api('DELETE', '/api/v1/sessions/' + encodeURIComponent(id) + (force ? '?force=true' : '')); } catch (e) { alert(e.message); }
    setTimeout(loadSessions, 200);
  }

  // ---- MO -------------------------------------------------------------------------------------------
  $('mo-text').addEventListener('input', () => { $('mo-length').textContent = $('mo-text').value.length; });
  $('mo-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { system_id: $('mo-system-id').value, source: $('mo-source').value, dest: $('mo-dest').value, text: $('mo-text').value };
    setStatus($('mo-status'), 'sending…', true);
    try {
      const r = await api('POST', '/api/v1/mo', body);
      const parts = r.parts === 1 ? '1 part' : r.parts + ' parts';
      setStatus($('mo-status'), 'Delivered in ' + parts + (r.session ? ' to session ' + r.session : '') + ': ' + r.status, r.status === 'ESME_ROK');
    } catch (err) { setStatus($('mo-status'), err.message, false); }
  });

  // ---- rules ------------------------------------------------------------------------------------------
  function showRules(r) {
    $('rules-text').value = JSON.stringify(r, null, 2);
    const sel = $('rules-profile');
    const names = Array.isArray(r.profiles) ? r.profiles.slice() : [];
    // Rules applied under a name of their own are listed too, or the list would show a built-in profile
    // that is not in force.
    const custom = r.profile && !names.includes(r.profile);
    sel.replaceChildren(...names.map((n) => el('option', { value: n }, n)),
      ...(custom ? [el('option', { value: r.profile }, r.profile + ' (own rules)')] : []));
    sel.value = r.profile || '';
    sel.parentElement.hidden = names.length === 0;
  }
  async function loadRules() {
    try {
      showRules(await api('GET', '/api/v1/rules'));
      setStatus($('rules-status'), '', true);
    } catch (e) { setStatus($('rules-status'), e.message, false); }
  }
  async function saveRules(obj) {
    try {
      showRules(await api('PUT', '/api/v1/rules', obj));
      setStatus($('rules-status'), 'Applied. The simulator answers with these rules from now on.', true);
    } catch (e) { setStatus($('rules-status'), e.message, false); }
  }
  $('rules-save').addEventListener('click', () => {
    let obj;
    try { obj = JSON.parse($('rules-text').value); } catch (e) { setStatus($('rules-status'), 'Not valid JSON: ' + e.message, false); return; }
    saveRules(obj);
  });
  $('rules-reload').addEventListener('click', loadRules);
  // Choosing a profile applies that built-in profile: sending the text area's rules along would apply
  // those under the profile's name instead (the API takes rules over a profile).
  $('rules-profile').addEventListener('change', () => saveRules({ profile: $('rules-profile').value }));

  // ---- stats ------------------------------------------------------------------------------------------
  function flat(obj, prefix, out) {
    for (const [k, v] of Object.entries(obj || {})) {
      if (v && typeof v === 'object') flat(v, prefix + k + '.', out); else out.push([prefix + k, v]);
    }
    return out;
  }
  function onStats(s) {
    const now = Date.now();
    const total = Number(s.submitted || 0);
    if (state.lastStats) {
      const dt = (now - state.lastStats.at) / 1000;
      if (dt > 0) state.rates.push(Math.max(0, (total - state.lastStats.total) / dt));
      if (state.rates.length > 120) state.rates.shift();
    }
    state.lastStats = { at: now, total };
    if (state.tab !== 'stats') return;
    $('counters').replaceChildren(...flat(s, '', []).map(([k, v]) => el('div', { class: 'counter' }, el('b', {}, v), el('span', {}, k.replace(/_/g, ' ')))));
    drawChart();
  }
  async function loadStats() { try { onStats(await api('GET', '/api/v1/stats')); } catch (e) { /* shown when live again */ } }
  function drawChart() {
    const c = $('chart'), g = c.getContext('2d'), w = c.width, h = c.height, r = state.rates;
    g.clearRect(0, 0, w, h);
    const max = Math.max(10, ...r) * 1.15;
    g.strokeStyle = '#e3e7ec'; g.fillStyle = '#6b7785'; g.font = '11px sans-serif';
    for (let i = 0; i <= 4; i++) { const y = h - 20 - (h - 30) * i / 4; g.beginPath(); g.moveTo(40, y); g.lineTo(w, y); g.stroke(); g.fillText(Math.round(max * i / 4), 2, y + 4); }
    if (r.length < 2) return;
    const x = (i) => 40 + (w - 44) * i / 119;
    const y = (v) => h - 20 - (h - 30) * v / max;
    g.beginPath(); g.moveTo(x(0), y(r[0])); r.forEach((v, i) => g.lineTo(x(i), y(v)));
    g.strokeStyle = '#2563eb'; g.lineWidth = 2; g.stroke();
    g.lineTo(x(r.length - 1), h - 20); g.lineTo(x(0), h - 20); g.closePath(); g.fillStyle = 'rgba(37,99,235,.12)'; g.fill();
  }

  // ---- live -------------------------------------------------------------------------------------------
  function live() {
    const es = new EventSource('/api/v1/events' + (token ? '?token=' + encodeURIComponent(token) : ''));
    const ind = $('live');
    es.onopen = () => { ind.className = 'live on'; ind.lastChild.textContent = 'live'; loadMessages(); loadSessions(); };
    es.onerror = () => { ind.className = 'live off'; ind.lastChild.textContent = 'reconnecting'; };
    const onMessage = (e) => {
      refreshLive();
      if (state.selected) {
        try { const d = JSON.parse(e.data); if (!d.id || d.id === state.selected) refreshDetail(); } catch (x) { /* ignore */ }
      }
    };
    for (const t of ['submit', 'state', 'receipt', 'coalesced']) es.addEventListener(t, onMessage);
    for (const t of ['bind', 'unbind']) es.addEventListener(t, () => setTimeout(loadSessions, 50));
    es.addEventListener('mo', () => {});
    es.addEventListener('stats', (e) => { try { onStats(JSON.parse(e.data)); } catch (x) { /* ignore */ } });
  }

  route();
  loadMessages();
  loadSessions();
  live();
})();
