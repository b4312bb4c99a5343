// FAQ admin page: plain JavaScript over the admin API. Every server text is inserted as text, never as HTML.
(() => {
  'use strict';

  const KEY = 'faq-admin-key';
  const FUNCTION_KEY = 'faq-function-key'; // the Azure Functions host checks it before the app sees the request
  const $ = (id) => document.getElementById(id);
  const state = { entries: [], current: null, dirty: false, conflict: null, importBody: null, importType: null };

  // ---- HTTP -------------------------------------------------------------------------------------------------
  async function api(method, path, { body, etag, raw, contentType } = {}) {
    const headers = { 'X-Api-Key': sessionStorage.getItem(KEY) || '' };
    if (sessionStorage.getItem(FUNCTION_KEY)) headers['x-functions-key'] = sessionStorage.getItem(FUNCTION_KEY);
    if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
    if (etag) headers['If-Match'] = etag;
    let response;
    try {
      response = await fetch('../api/admin' + path, {
        method, headers, body: body === undefined ? undefined : (raw ? body : JSON.stringify(body))
      });
    } catch {
      throw new ApiError(0, { title: 'The server could not be reached. Check your connection and try again.' });
    }
    if (response.status === 401) { signOut('Your key was not accepted. Please sign in again.'); throw new ApiError(401, {}); }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : (raw ? await response.blob() : null);
    if (!response.ok) throw new ApiError(response.status, data || {});
    return { data, etag: response.headers.get('ETag'), response };
  }

  class ApiError extends Error {
    constructor(status, problem) { super(problem.title || 'Request failed'); this.status = status; this.problem = problem; }
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else if (v !== false && v != null) node.setAttribute(k, v);
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  let statusTimer;
  function status(message, bad = false) {
    const box = $('status');
    box.textContent = message;
    box.classList.toggle('bad', bad);
    box.hidden = false;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { box.hidden = true; }, bad ? 10000 : 4000);
  }

  function failed(error, what) {
    if (error.status === 401) return;
    const p = error.problem || {};
    status(`${what}: ${p.title || error.message}${p.detail ? ' ' + p.detail : ''}`, true);
  }

  // ---- Sign in ----------------------------------------------------------------------------------------------
  async function signIn(key, functionKey) {
    sessionStorage.setItem(KEY, key);
    if (functionKey !== undefined) {
      if (functionKey) sessionStorage.setItem(FUNCTION_KEY, functionKey); else sessionStorage.removeItem(FUNCTION_KEY);
    }
    try {
      await loadEntries();
    } catch (error) {
      if (error.status !== 401) { $('sign-in-error').textContent = error.message; $('sign-in-error').hidden = false; }
      return;
    }
    $('sign-in').hidden = true;
    $('app').hidden = false;
    $('sign-out').hidden = false;
    loadUnanswered().catch(() => {});
    $('search').focus();
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(FUNCTION_KEY);
    $('app').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    const error = $('sign-in-error');
    error.hidden = !message;
    error.textContent = message || '';
    $('api-key').value = '';
    $('function-key').value = '';
    $('api-key').focus();
  }

  // ---- Tabs -------------------------------------------------------------------------------------------------
  function showTab(name) {
    document.querySelectorAll('.tab').forEach((t) => { if (t.dataset.tab === name) t.setAttribute('aria-current', 'page'); else t.removeAttribute('aria-current'); });
    for (const panel of document.querySelectorAll('.panel')) panel.hidden = panel.id !== 'tab-' + name;
  }

  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => {
    if (!confirmDiscard()) return;
    showTab(tab.dataset.tab);
    ({ unanswered: loadUnanswered, feedback: loadFeedback, entries: loadEntries, insights: loadInsights })[tab.dataset.tab]?.().catch((e) => failed(e, 'Loading failed'));
  }));

  // ---- Entries list -----------------------------------------------------------------------------------------
  async function loadEntries() {
    const q = $('search').value.trim();
    const deleted = $('show-deleted').checked;
    const { data } = await api('GET', `/entries?includeDeleted=${deleted}${q ? '&q=' + encodeURIComponent(q) : ''}`);
    state.entries = data;
    renderList();
  }

  function renderList() {
    const list = $('entry-list');
    list.replaceChildren(...state.entries.map((e) => el('li', {},
      el('button', {
        type: 'button', class: e.deleted ? 'deleted' : null, 'aria-current': state.current?.id === e.id ? 'true' : null,
        onclick: () => { if (confirmDiscard()) openEntry(e.id); }
      }, e.question, el('span', { class: 'id', text: `${e.id} · v${e.version}${e.deleted ? ' · deleted' : ''}${e.translations && e.translations.es ? '' : ' · no Spanish'}` })))));
    if (state.entries.length === 0) list.append(el('li', { class: 'muted', text: 'No entries match.' }));
  }

  let searchTimer;
  $('search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => loadEntries().catch((e) => failed(e, 'Search failed')), 200); });
  $('show-deleted').addEventListener('change', () => loadEntries().catch((e) => failed(e, 'Loading failed')));

  // ---- Editor -----------------------------------------------------------------------------------------------
  async function allIds() {
    const { data } = await api('GET', '/entries');
    return data.map((e) => ({ id: e.id, question: e.question }));
  }

  async function openEntry(id) {
    try {
      const { data, etag } = await api('GET', '/entries/' + encodeURIComponent(id));
      await fillForm({ ...data, etag });
    } catch (error) { failed(error, 'Could not open the entry'); }
  }

  async function fillForm(entry) {
    state.current = entry;
    state.conflict = null;
    $('conflict').hidden = true;
    $('no-selection').hidden = true;
    $('editor').hidden = false;
    $('history').hidden = true;
    clearErrors();
    const isNew = !entry.etag;
    $('editor-title').textContent = isNew ? 'New entry' : `Edit “${entry.id}” (version ${entry.version})`;
    $('f-id').value = entry.id || '';
    $('f-id').readOnly = !isNew;
    $('f-question').value = entry.question || '';
    $('f-answer').value = entry.answer || '';
    $('f-tags').value = (entry.tags || []).join(', ');
    renderAlternates(entry.alternates || []);
    const es = (entry.translations || {}).es || { question: '', alternates: [], answer: '' };
    $('f-question-es').value = es.question || '';
    $('f-alternates-es').value = (es.alternates || []).join('\n');
    $('f-answer-es').value = es.answer || '';
    showLanguage(document.querySelector('input[name=edit-language]:checked').value);
    const ids = await allIds();
    $('related').replaceChildren(...ids.filter((x) => x.id !== entry.id).map((x) => el('label', {},
      el('input', { type: 'checkbox', value: x.id, checked: (entry.related || []).includes(x.id) || false }), `${x.question} (${x.id})`)));
    $('delete').hidden = isNew || entry.deleted;
    $('restore').hidden = isNew || !entry.deleted;
    $('show-history').hidden = isNew;
    $('deleted-note').hidden = !entry.deleted;
    state.dirty = false;
    renderList();
    (isNew ? $('f-id') : $('f-question')).focus();
  }

  function renderAlternates(values) {
    $('alternates').replaceChildren(...values.map((v, i) => alternateRow(v, i)));
  }

  function alternateRow(value, index) {
    const input = el('input', { value, 'aria-label': `Wording ${index + 1}`, 'aria-describedby': `e-alt-${index}`, maxlength: '300' });
    input.value = value;
    const remove = el('button', {
      type: 'button', 'aria-label': `Remove wording ${index + 1}`, text: 'Remove',
      onclick: () => { const values = alternateValues(); values.splice(index, 1); renderAlternates(values); markDirty(); $('add-alternate').focus(); }
    });
    return el('li', {}, el('div', { class: 'row' }, input, remove), el('p', { class: 'error', id: `e-alt-${index}`, 'data-error-for': `alternates[${index}]` }));
  }

  const alternateValues = () => [...$('alternates').querySelectorAll('input')].map((i) => i.value);

  $('add-alternate').addEventListener('click', () => {
    const values = alternateValues();
    values.push('');
    renderAlternates(values);
    $('alternates').lastElementChild.querySelector('input').focus();
    markDirty();
  });

  $('new-entry').addEventListener('click', () => {
    state.fromGroup = null;
    if (confirmDiscard()) fillForm({ id: '', question: '', alternates: [], answer: '', tags: [], related: [] });
  });

  // The language switch: the English text, or the Spanish version of the same entry (one id, shared tags and related).
  function showLanguage(language) {
    $('text-en').hidden = language !== 'en';
    $('text-es').hidden = language !== 'es';
    const hasSpanish = $('f-question-es').value.trim() !== '' || $('f-answer-es').value.trim() !== '';
    $('lang-note').textContent = hasSpanish ? '' : 'This entry has no Spanish version yet.';
  }
  document.querySelectorAll('input[name=edit-language]').forEach((r) => r.addEventListener('change', () => showLanguage(r.value)));

  function spanishBody() {
    const question = $('f-question-es').value, answer = $('f-answer-es').value;
    const alternates = $('f-alternates-es').value.split('\n').filter((a) => a.trim() !== '');
    return question.trim() === '' && answer.trim() === '' && alternates.length === 0 ? null : { question, alternates, answer };
  }

  function formBody() {
    const es = spanishBody();
    return {
      ...(es ? { translations: { es } } : {}),
      id: $('f-id').value.trim(),
      question: $('f-question').value,
      alternates: alternateValues().filter((a) => a.trim() !== ''),
      answer: $('f-answer').value,
      tags: $('f-tags').value.split(',').map((t) => t.trim()).filter(Boolean),
      related: [...$('related').querySelectorAll('input:checked')].map((c) => c.value)
    };
  }

  function markDirty() { state.dirty = true; }
  $('editor').addEventListener('input', markDirty);
  $('editor').addEventListener('change', markDirty);

  function confirmDiscard() {
    return !state.dirty || confirm('You have unsaved changes. Discard them?');
  }
  window.addEventListener('beforeunload', (event) => { if (state.dirty) { event.preventDefault(); event.returnValue = ''; } });

  function clearErrors() {
    document.querySelectorAll('[data-error-for]').forEach((p) => { p.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  }

  // Field errors from problem+json ("alternates[2]": [...]) go next to the field they concern.
  function showErrors(errors) {
    clearErrors();
    // Show the language whose text has the first error, so the message is next to a visible field.
    const firstField = Object.keys(errors)[0] || '';
    const language = firstField.startsWith('translations.es') ? 'es' : ['question', 'answer'].includes(firstField) || firstField.startsWith('alternates') ? 'en' : null;
    if (language) { $('lang-' + language).checked = true; showLanguage(language); }
    let first = null;
    for (const [field, messages] of Object.entries(errors)) {
      const target = document.querySelector(`[data-error-for="${CSS.escape(field)}"]`)
        || document.querySelector(`[data-error-for="${CSS.escape(field.replace(/\[\d+\]$/, ''))}"]`);
      if (!target) continue;
      target.textContent = messages.join(' ');
      const input = target.closest('li, .field')?.querySelector('input, textarea');
      if (input) { input.setAttribute('aria-invalid', 'true'); first ??= input; }
    }
    first?.focus();
    status('Please correct the highlighted fields.', true);
  }

  // One change at a time: a double click would otherwise send a change twice, or make it conflict with itself.
  let changing = false;
  async function oneChangeAtATime(work, button, busyLabel) {
    if (changing) return;
    changing = true;
    const label = button?.textContent;
    if (button) { button.disabled = true; button.textContent = busyLabel || label; }
    try {
      await work();
    } finally {
      changing = false;
      if (button) { button.disabled = false; button.textContent = label; }
    }
  }

  function save(etagOverride) {
    return oneChangeAtATime(async () => {
      const entry = state.current;
      const body = formBody();
      try {
        const result = entry.etag
          ? await api('PUT', '/entries/' + encodeURIComponent(entry.id), { body, etag: etagOverride || entry.etag })
          : await api('POST', '/entries', { body });
        state.dirty = false;
        status(`Saved “${result.data.id}” (version ${result.data.version}). The bot answers with it now.`);
        if (state.fromGroup && !entry.etag) {
          const ids = state.fromGroup;
          state.fromGroup = null;
          await api('POST', '/unanswered/dismiss', { body: { ids } }).catch(() => {});
          loadUnanswered().catch(() => {});
        }
        await loadEntries();
        await fillForm({ ...result.data, etag: result.etag || result.data.eTag });
      } catch (error) {
        if (error.status === 400 && error.problem.errors) showErrors(error.problem.errors);
        else if (error.status === 412 && error.problem.current) showConflict(error.problem.current);
        else failed(error, 'Could not save');
      }
    }, $('save'), 'Saving…');
  }

  $('editor').addEventListener('submit', (event) => { event.preventDefault(); save(); });

  function showConflict(current) {
    state.conflict = current;
    $('conflict-text').textContent =
      `${current.updatedBy} saved this entry (now version ${current.version}) while you were editing. Your changes are still in the form.`;
    $('conflict').hidden = false;
    $('conflict-reload').focus();
  }

  $('conflict-reload').addEventListener('click', async () => {
    const current = state.conflict;
    state.dirty = false;
    await fillForm({ ...current, etag: current.eTag });
    status('Loaded the latest version.');
  });

  $('conflict-reapply').addEventListener('click', async () => {
    const current = state.conflict;
    state.current = { ...state.current, etag: current.eTag, version: current.version };
    $('conflict').hidden = true;
    await save(current.eTag);
  });

  function change(path, done) {
    return oneChangeAtATime(async () => {
      try {
        const { data, etag } = await api('POST', path.replace('{id}', encodeURIComponent(state.current.id)));
        status(done(data));
        await loadEntries();
        await fillForm({ ...data, etag: etag || data.eTag });
      } catch (error) { failed(error, 'The change failed'); }
    });
  }

  $('delete').addEventListener('click', () => oneChangeAtATime(async () => {
    if (!confirm(`Delete “${state.current.question}”? Patients will no longer get this answer. You can restore it later.`)) return;
    try {
      const { data, etag } = await api('DELETE', '/entries/' + encodeURIComponent(state.current.id), { etag: state.current.etag });
      status(`Deleted “${data.id}”. Use Restore to bring it back.`);
      $('show-deleted').checked = true;
      await loadEntries();
      await fillForm({ ...data, etag: etag || data.eTag });
    } catch (error) {
      if (error.status === 412 && error.problem.current) showConflict(error.problem.current); else failed(error, 'Could not delete');
    }
  }));

  $('restore').addEventListener('click', () => change('/entries/{id}/restore', (d) => `Restored “${d.id}”.`));

  // ---- History ----------------------------------------------------------------------------------------------
  $('show-history').addEventListener('click', async () => {
    try {
      const { data } = await api('GET', `/entries/${encodeURIComponent(state.current.id)}/history`);
      const list = $('history-list');
      list.replaceChildren(...data.slice().reverse().map((v, i, all) => historyItem(v, all[i + 1])));
      $('history').hidden = false;
      $('history-title').focus?.();
      list.querySelector('button')?.focus();
    } catch (error) { failed(error, 'Could not load the history'); }
  });

  function historyItem(version, previous) {
    const when = new Date(version.updatedAt).toLocaleString();
    const item = el('li', {}, el('strong', { text: `Version ${version.version}: ${version.change}` }), ` by ${version.updatedBy}, ${when}`);
    const details = el('div', { class: 'diff', hidden: true });
    if (previous) {
      details.append(...diffFields(previous, version));
    } else {
      details.append(el('p', { text: 'First version.' }));
    }
    const toggle = el('button', {
      type: 'button', 'aria-expanded': 'false', text: 'Show changes',
      onclick: () => { details.hidden = !details.hidden; toggle.setAttribute('aria-expanded', String(!details.hidden)); toggle.textContent = details.hidden ? 'Show changes' : 'Hide changes'; }
    });
    const revert = el('button', {
      type: 'button', text: 'Revert to this version',
      onclick: () => {
        if (!confirmDiscard()) return;
        if (confirm(`Make a new version with the content of version ${version.version}?`)) {
          state.dirty = false;
          change(`/entries/{id}/revert/${version.version}`, (d) => `Reverted to version ${version.version}: now version ${d.version}.`);
        }
      }
    });
    item.append(' ', toggle, ' ', revert, details);
    return item;
  }

  function diffFields(before, after) {
    const parts = [];
    for (const field of ['question', 'answer']) {
      if (before[field] !== after[field]) parts.push(el('p', {}, el('strong', { text: field + ': ' }), ...wordDiff(before[field], after[field])));
    }
    for (const field of ['alternates', 'tags', 'related']) {
      const added = after[field].filter((x) => !before[field].includes(x));
      const removed = before[field].filter((x) => !after[field].includes(x));
      if (added.length || removed.length) {
        parts.push(el('p', {}, el('strong', { text: field + ': ' }),
          ...added.map((a) => el('ins', { text: '+ ' + a + ' ' })), ...removed.map((r) => el('del', { text: '− ' + r + ' ' }))));
      }
    }
    if (before.deleted !== after.deleted) parts.push(el('p', { text: after.deleted ? 'Deleted.' : 'Restored.' }));
    return parts.length ? parts : [el('p', { text: 'No content change.' })];
  }

  // A word-level diff (longest common subsequence); entries are short, so quadratic is fine.
  function wordDiff(a, b) {
    const x = a.split(/(\s+)/), y = b.split(/(\s+)/);
    const m = x.length, n = y.length;
    const table = Array.from({ length: m + 1 }, () => new Int32Array(n + 1));
    for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) table[i][j] = x[i] === y[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    const out = [];
    let i = 0, j = 0;
    while (i < m && j < n) {
      if (x[i] === y[j]) { out.push(document.createTextNode(x[i])); i++; j++; }
      else if (table[i + 1][j] >= table[i][j + 1]) out.push(el('del', { text: x[i++] }));
      else out.push(el('ins', { text: y[j++] }));
    }
    while (i < m) out.push(el('del', { text: x[i++] }));
    while (j < n) out.push(el('ins', { text: y[j++] }));
    return out;
  }

  // ---- Try it -----------------------------------------------------------------------------------------------
  $('try-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = $('try-question').value.trim();
    if (!question) return;
    try {
      const { data } = await api('POST', '/try', { body: { question } });
      const reply = data.reply;
      const rows = data.candidates.map((c) => el('tr', {},
        el('td', { text: `${c.question} (${c.faqId})` }), el('td', { text: c.keyword.toFixed(2) }), el('td', { text: c.embedding.toFixed(2) }), el('td', { text: c.confidence.toFixed(2) })));
      $('try-result').replaceChildren(
        el('p', {}, el('strong', { text: `${reply.outcome}` }), reply.faqId ? ` with “${reply.faqId}”` : '', ` · confidence ${reply.confidence}`, data.triage !== 'none' ? ` · triage: ${data.triage}` : ''),
        el('div', { class: 'reply', text: reply.answer }),
        el('table', {}, el('caption', { class: 'visually-hidden', text: 'Candidate scores' }),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Candidate' }), el('th', { scope: 'col', text: 'Keyword' }), el('th', { scope: 'col', text: 'Embedding' }), el('th', { scope: 'col', text: 'Confidence' }))),
          el('tbody', {}, ...rows)));
    } catch (error) { failed(error, 'Could not try the question'); }
  });

  // ---- Review queue ---------------------------------------------------------------------------------------
  const percent = (x) => `${Math.round(x * 100)}%`;
  const when = (iso) => new Date(iso).toLocaleString();

  async function loadUnanswered() {
    const [{ data: groups }, ids] = await Promise.all([api('GET', '/unanswered'), allIds()]);
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    $('unanswered-count').textContent = total ? String(total) : '';
    const list = $('unanswered-list');
    if (groups.length === 0) { list.replaceChildren(el('p', { class: 'muted', text: 'Nothing to review: every question patients asked lately was answered confidently.' })); return; }
    const missed = groups.filter((g) => g.missed), unsure = groups.filter((g) => !g.missed);
    list.replaceChildren(
      el('h3', { id: 'missed-title', text: `Questions the bot could not answer (${missed.reduce((n, g) => n + g.count, 0)})` }),
      missed.length ? el('div', {}, ...missed.map((g) => groupCard(g, ids))) : el('p', { class: 'muted', text: 'None.' }),
      el('h3', { id: 'unsure-title', text: `Answered, but not confidently (${unsure.reduce((n, g) => n + g.count, 0)})` }),
      el('p', { class: 'hint', text: 'The bot gave these an answer with low confidence: check the entry it used is the right one.' }),
      unsure.length ? el('div', {}, ...unsure.map((g) => groupCard(g, ids))) : el('p', { class: 'muted', text: 'None.' }));
  }

  function itemLine(item) {
    const parts = [el('span', { text: `“${item.question}”` })];
    if (item.outcome === 'answered' && item.answeredWith) {
      parts.push(el('span', { class: 'muted', text: ` · answered with “${item.answeredWith.question}” at ${percent(item.confidence)} confidence` }));
    } else {
      const label = item.outcome === 'clarify' ? 'asked which entry they meant' : 'not answered';
      const best = item.candidates[0];
      parts.push(el('span', { class: 'muted', text: ` · ${label}${best ? ` (closest: “${best.question}”, ${percent(item.confidence)})` : ''}` }));
    }
    parts.push(el('span', { class: 'muted', text: ` · ${when(item.at)}` }));
    return el('li', {}, ...parts, ' ',
      el('button', { type: 'button', class: 'secondary small', text: 'Dismiss', 'aria-label': `Dismiss “${item.question}”`, onclick: () => dismiss([item.id]) }));
  }

  function groupCard(group, ids) {
    const selectId = `target-${group.id}`;
    const select = el('select', { id: selectId });
    if (!group.proposal) select.append(el('option', { value: '', text: '— choose an entry —' }));
    for (const x of ids) {
      const proposed = group.proposal?.faqId === x.id;
      const option = el('option', { value: x.id, text: proposed ? `${x.question} (proposed)` : x.question });
      if (proposed) option.selected = true;
      select.append(option);
    }
    if (group.proposal) select.value = group.proposal.faqId;
    const itemIds = group.items.map((i) => i.id);
    const n = group.count;
    const proposal = group.proposal
      ? el('p', {}, 'Proposed: add to ', el('strong', { text: `“${group.proposal.question}”` }), ` (the bot's best match, ${percent(group.proposal.confidence)}).`)
      : el('p', {}, el('strong', { text: 'Proposed: a new entry' }), ' (no entry comes close).');
    return el('article', { class: 'group', id: `group-${group.id}`, tabindex: '-1', 'data-group': group.id },
      el('h4', { text: `“${group.question}”` }),
      el('p', { class: 'muted', text: `Asked ${n} time${n === 1 ? '' : 's'}${n > 1 ? `, first ${when(group.firstAsked)}` : ''}, last ${when(group.lastAsked)}` }),
      el('ul', { class: 'items' }, ...group.items.map(itemLine)),
      proposal,
      el('div', { class: 'attach' },
        el('label', { for: selectId, text: `Add ${n === 1 ? 'this question' : `these ${n} questions`} as wordings of:` }), select,
        el('button', { type: 'button', text: 'Add', 'aria-label': `Add “${group.question}” to the chosen entry`, onclick: () => attachGroup(group, select.value, itemIds) }),
        el('button', { type: 'button', class: 'secondary', text: 'Start a new entry', 'aria-label': `Start a new entry from “${group.question}”`, onclick: () => newEntryFrom(group) }),
        el('button', { type: 'button', class: 'secondary', text: 'Dismiss group', 'aria-label': `Dismiss every question of “${group.question}”`, onclick: () => dismiss(itemIds) })));
  }

  function attachGroup(group, faqId, ids) {
    if (!faqId) { status('Choose the entry these questions belong to, or start a new entry.', true); return; }
    return oneChangeAtATime(async () => {
      try {
        const { data } = await api('POST', '/unanswered/attach', { body: { faqId, ids } });
        status(`Added ${ids.length === 1 ? `“${group.question}”` : `${ids.length} wordings`} to “${data.question}”. The bot answers ${ids.length === 1 ? 'it' : 'them'} from now on.`);
        await loadUnanswered();
      } catch (error) {
        if (error.status === 400 && error.problem.errors) status(Object.values(error.problem.errors).flat().join(' '), true);
        else failed(error, 'Could not add the questions');
      }
    });
  }

  async function newEntryFrom(group) {
    if (!confirmDiscard()) return;
    const wordings = [...new Set(group.items.map((i) => i.question.trim()))];
    const question = group.question.trim();
    showTab('entries');
    await fillForm({ id: '', question, alternates: wordings.filter((w) => w !== question), answer: '', tags: [], related: [] });
    state.fromGroup = group.items.map((i) => i.id);
    state.dirty = true;
    status('New entry started from the group: give it an id and an answer, then save. The group leaves the review queue when it is saved.');
  }

  function dismiss(ids) {
    return oneChangeAtATime(async () => {
      try {
        const { data } = await api('POST', '/unanswered/dismiss', { body: { ids } });
        status(data.dismissed === 1 ? 'Dismissed.' : `Dismissed ${data.dismissed} questions.`);
        await loadUnanswered();
      } catch (error) { failed(error, 'Could not dismiss'); }
    });
  }

  // ---- Insights ---------------------------------------------------------------------------------------------
  const SVG = 'http://www.w3.org/2000/svg';
  const OUTCOMES = [
    { key: 'answered', label: 'Answered', color: '#00695c' },
    { key: 'clarify', label: 'Asked to clarify', color: '#1565c0' },
    { key: 'fallback', label: 'Not answered', color: '#c62828' },
    { key: 'urgent', label: 'Urgent', color: '#6a1b9a' }
  ];
  const isoDay = (date) => date.toISOString().slice(0, 10);
  let lastInsights = null;

  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  function period() {
    const choice = document.querySelector('input[name="period"]:checked').value;
    if (choice === 'custom') return { from: $('period-from').value, to: $('period-to').value };
    const to = new Date();
    const from = new Date(to.getTime() - (Number(choice) - 1) * 86400000);
    return { from: isoDay(from), to: isoDay(to) };
  }

  async function loadInsights() {
    const { from, to } = period();
    const query = from && to ? `?from=${from}&to=${to}` : '';
    const body = $('insights-body');
    body.setAttribute('aria-busy', 'true');
    try {
      const { data } = await api('GET', '/insights' + query);
      lastInsights = data;
      renderInsights(data);
    } catch (error) {
      if (error.status === 400 && error.problem.errors) status(Object.values(error.problem.errors).flat().join(' '), true);
      else throw error;
    } finally { body.removeAttribute('aria-busy'); }
  }

  function tableOf(caption, headers, rows) {
    return el('table', {},
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', text: String(c) } : { text: String(c) }))))));
  }

  // A chart is an image with a title and a one-sentence description, followed by the same figures as a table.
  function figure(id, title, summary, chart, table, legend) {
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
    return el('figure', { class: 'chart', id },
      el('h3', { id: `${id}-title`, text: title }),
      el('p', { id: `${id}-desc`, class: 'chart-summary', text: summary }),
      legend,
      chart,
      el('details', {}, el('summary', { text: `${title}: as a table` }), table));
  }

  function dayLabel(date, count) {
    const d = new Date(date + 'T00:00:00Z');
    return count > 45 ? d.toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' }) : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  function stackedDays(days) {
    const width = 720, height = 240, left = 40, bottom = 28, top = 10;
    const max = Math.max(1, ...days.map((d) => d.asked));
    const step = (width - left - 10) / days.length;
    const bar = Math.max(1, step * 0.75);
    const y = (v) => top + (height - top - bottom) * (1 - v / max);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'svg-chart', preserveAspectRatio: 'xMinYMin meet' });
    for (const tick of [0, Math.ceil(max / 2), max]) {
      chart.append(svg('line', { x1: left, x2: width - 10, y1: y(tick), y2: y(tick), class: 'grid' }),
        svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, String(tick)));
    }
    const labelEvery = Math.ceil(days.length / 10);
    days.forEach((d, i) => {
      const x = left + i * step + (step - bar) / 2;
      let base = 0;
      for (const o of OUTCOMES) {
        const v = d[o.key];
        if (v > 0) {
          chart.append(svg('rect', { x, width: bar, y: y(base + v), height: y(base) - y(base + v), fill: o.color },
            svg('title', {}, `${d.date}: ${v} ${o.label.toLowerCase()}`)));
          base += v;
        }
      }
      if (i % labelEvery === 0) chart.append(svg('text', { x: x + bar / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, dayLabel(d.date, days.length)));
    });
    return chart;
  }

  function rateLine(days) {
    const width = 720, height = 200, left = 40, bottom = 28, top = 10;
    const step = (width - left - 10) / Math.max(1, days.length - 1 || 1);
    const x = (i) => left + (days.length === 1 ? (width - left - 10) / 2 : i * step);
    const y = (v) => top + (height - top - bottom) * (1 - v);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'svg-chart', preserveAspectRatio: 'xMinYMin meet' });
    for (const tick of [0, 0.5, 1]) {
      chart.append(svg('line', { x1: left, x2: width - 10, y1: y(tick), y2: y(tick), class: 'grid' }),
        svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, percent(tick)));
    }
    // Days without questions have no rate: the line breaks there instead of dropping to zero.
    let path = '', pen = false;
    days.forEach((d, i) => {
      if (d.asked === 0) { pen = false; return; }
      const r = d.answered / d.asked;
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(r).toFixed(1)} `;
      pen = true;
      chart.append(svg('circle', { cx: x(i), cy: y(r), r: 3, class: 'dot' }, svg('title', {}, `${d.date}: ${percent(r)} of ${d.asked} answered`)));
    });
    chart.prepend(svg('path', { d: path.trim(), class: 'line' }));
    const labelEvery = Math.ceil(days.length / 10);
    days.forEach((d, i) => { if (i % labelEvery === 0) chart.append(svg('text', { x: x(i), y: height - 8, 'text-anchor': 'middle', class: 'axis' }, dayLabel(d.date, days.length))); });
    return chart;
  }

  function bars(items, label, value, color) {
    const max = Math.max(1, ...items.map(value));
    const rowHeight = 26, width = 720, labelWidth = 300;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, items.length) * rowHeight}`, class: 'svg-chart bars', preserveAspectRatio: 'xMinYMin meet' });
    items.forEach((item, i) => {
      const w = (width - labelWidth - 60) * value(item) / max;
      const text = label(item);
      chart.append(
        svg('text', { x: 0, y: i * rowHeight + 17, class: 'axis' }, text.length > 42 ? text.slice(0, 41) + '…' : text),
        svg('rect', { x: labelWidth, y: i * rowHeight + 5, width: Math.max(w, value(item) > 0 ? 2 : 0), height: rowHeight - 10, fill: color }),
        svg('text', { x: labelWidth + w + 6, y: i * rowHeight + 17, class: 'axis' }, String(value(item))));
    });
    return chart;
  }

  function tile(label, value, note) {
    return el('div', { class: 'tile' }, el('span', { class: 'tile-label', text: label }), el('strong', { text: value }), note ? el('span', { class: 'muted', text: note }) : null);
  }

  function renderInsights(data) {
    const t = data.totals;
    const body = $('insights-body');
    const range = `${new Date(data.from + 'T00:00:00Z').toLocaleDateString(undefined, { timeZone: 'UTC' })} – ${new Date(data.to + 'T00:00:00Z').toLocaleDateString(undefined, { timeZone: 'UTC' })}`;
    const votes = data.topEntries.reduce((n, e) => n + e.helpful + e.notHelpful, 0);
    if (t.asked === 0 && votes === 0) {
      body.replaceChildren(el('div', { class: 'empty', id: 'insights-empty' },
        el('h3', { text: `No questions in this period (${range})` }),
        el('p', { text: 'Charts appear here once patients ask the bot questions: on the clinic website’s chat, by SMS or WhatsApp, or through an integration. Each question is counted by its outcome, the entry that answered it and the channel; patients’ words are not kept for answered questions.' }),
        el('p', { text: 'Counts reach this page within a few seconds of a question. If the bot has been in use, choose a longer period above.' })));
      return;
    }
    const legend = el('ul', { class: 'legend' }, ...OUTCOMES.map((o) => el('li', {}, el('span', { class: 'swatch', style: `background:${o.color}` }), o.label)));
    const busiest = data.days.reduce((a, d) => (d.asked > a.asked ? d : a), data.days[0]);
    const rated = data.days.filter((d) => d.asked > 0);
    const entries = data.topEntries.filter((e) => e.answered > 0).slice(0, 10);
    const voted = data.topEntries.filter((e) => e.helpful + e.notHelpful > 0)
      .map((e) => ({ ...e, ratio: e.helpful / (e.helpful + e.notHelpful) }))
      .sort((a, b) => a.ratio - b.ratio || b.notHelpful - a.notHelpful).slice(0, 10);
    body.replaceChildren(
      el('p', { class: 'muted', text: `${range} (UTC days)` }),
      el('div', { class: 'tiles' },
        tile('Questions', String(t.asked)),
        tile('Answered', String(t.answered), `${percent(t.answerRate)} answer rate`),
        tile('Asked to clarify', String(t.clarify)),
        tile('Not answered', String(t.fallback)),
        tile('Urgent', String(t.urgent))),
      figure('chart-days', 'Questions per day, by outcome',
        `${t.asked} questions over ${data.days.length} days; the busiest day was ${busiest.date} with ${busiest.asked}. ${t.answered} answered, ${t.clarify} asked to clarify, ${t.fallback} not answered, ${t.urgent} urgent.`,
        stackedDays(data.days),
        tableOf('Questions per day, by outcome', ['Day', 'Questions', 'Answered', 'Clarify', 'Not answered', 'Urgent'], data.days.map((d) => [d.date, d.asked, d.answered, d.clarify, d.fallback, d.urgent])),
        legend),
      figure('chart-rate', 'Answer rate per day',
        rated.length ? `Overall ${percent(t.answerRate)} of questions were answered; per day from ${percent(Math.min(...rated.map((d) => d.answered / d.asked)))} to ${percent(Math.max(...rated.map((d) => d.answered / d.asked)))}. Days without questions are left out.` : 'No day had questions.',
        rateLine(data.days),
        tableOf('Answer rate per day', ['Day', 'Answered', 'Questions', 'Answer rate'], rated.map((d) => [d.date, d.answered, d.asked, percent(d.answered / d.asked)]))),
      entries.length
        ? figure('chart-entries', 'Entries that answered most',
          `The most used answer was “${entries[0].question}” (${entries[0].answered} times).`,
          bars(entries, (e) => e.question, (e) => e.answered, '#00695c'),
          tableOf('Entries that answered most', ['Entry', 'Answered', 'Helpful', 'Not helpful'], entries.map((e) => [e.question, e.answered, e.helpful, e.notHelpful])))
        : el('p', { class: 'muted', text: 'No entry answered a question in this period.' }),
      el('section', { class: 'chart', 'aria-labelledby': 'worst-title' },
        el('h3', { id: 'worst-title', text: 'Answers patients found least helpful' }),
        voted.length
          ? tableOf('Entries by share of helpful votes, lowest first', ['Entry', 'Helpful', 'Not helpful', 'Helpful share'], voted.map((e) => [e.question, e.helpful, e.notHelpful, percent(e.ratio)]))
          : el('p', { class: 'muted', text: 'No patient rated an answer in this period.' })),
      el('section', { class: 'chart', 'aria-labelledby': 'missed-insights-title' },
        el('h3', { id: 'missed-insights-title', text: 'Questions the bot kept missing' }),
        data.missed.length
          ? el('ol', { class: 'missed' }, ...data.missed.map((m) => el('li', {},
            el('span', { text: `“${m.example}”` }), el('span', { class: 'muted', text: ` · missed ${m.count} time${m.count === 1 ? '' : 's'}${m.suggestedFaqId ? ` · proposed entry: ${m.suggestedFaqId}` : ' · needs a new entry'}` }), ' ',
            el('button', { type: 'button', class: 'secondary small', text: 'Open in review queue', 'aria-label': `Open “${m.example}” in the review queue`, onclick: () => openGroup(m.groupId) }))))
          : el('p', { class: 'muted', text: 'Nothing was missed in this period (or the review queue no longer holds it: it keeps questions for a limited time).' })),
      figure('chart-channels', 'Questions per channel',
        data.channels.filter((c) => c.asked > 0).map((c) => `${c.channel}: ${c.asked}`).join(', ') || 'No questions on any channel.',
        bars(data.channels, (c) => c.channel, (c) => c.asked, '#455a64'),
        tableOf('Questions per channel', ['Channel', 'Questions'], data.channels.map((c) => [c.channel, c.asked]))));
  }

  async function openGroup(groupId) {
    showTab('unanswered');
    await loadUnanswered().catch((e) => failed(e, 'Loading failed'));
    const card = document.querySelector(`[data-group="${CSS.escape(groupId)}"]`);
    if (!card) { status('That group is no longer in the review queue: it was attached, dismissed or has expired.', true); return; }
    card.classList.add('highlight');
    card.scrollIntoView({ block: 'start' });
    card.focus();
  }

  document.querySelectorAll('input[name="period"]').forEach((radio) => radio.addEventListener('change', () => {
    const custom = radio.value === 'custom';
    $('custom-period').hidden = !custom;
    if (custom) {
      if (!$('period-to').value) $('period-to').value = isoDay(new Date());
      if (!$('period-from').value) $('period-from').value = isoDay(new Date(Date.now() - 29 * 86400000));
      $('period-from').focus();
    } else {
      loadInsights().catch((e) => failed(e, 'Loading failed'));
    }
  }));
  $('period-form').addEventListener('submit', (event) => { event.preventDefault(); loadInsights().catch((e) => failed(e, 'Loading failed')); });

  $('insights-csv').addEventListener('click', async () => {
    const { from, to } = lastInsights || period();
    try {
      const { data, response } = await api('GET', `/insights?from=${from}&to=${to}&format=csv`, { raw: true });
      const name = /filename="?([^";]+)/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'insights.csv';
      const link = el('a', { href: URL.createObjectURL(data), download: name });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) { failed(error, 'Download failed'); }
  });

  // ---- Import and export ------------------------------------------------------------------------------------
  async function download(format) {
    try {
      const { data, response } = await api('GET', `/export?format=${format}`, { raw: true });
      const name = /filename="?([^";]+)/.exec(response.headers.get('Content-Disposition') || '')?.[1] || `faq.${format}`;
      const blob = data instanceof Blob ? data : new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const link = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) { failed(error, 'Export failed'); }
  }
  $('export-json').addEventListener('click', () => download('json'));
  $('export-csv').addEventListener('click', () => download('csv'));

  $('import-file').addEventListener('change', async () => {
    const file = $('import-file').files[0];
    $('import-apply').disabled = true;
    $('import-report').replaceChildren();
    if (!file) { $('import-check').disabled = true; return; }
    state.importBody = await file.text();
    state.importType = /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : 'application/json';
    $('import-check').disabled = false;
  });

  function runImport(dryRun) {
    return oneChangeAtATime(async () => {
      try {
        const { data } = await api('POST', `/import?dryRun=${dryRun}`, { body: state.importBody, raw: true, contentType: state.importType });
        renderReport(data);
        if (dryRun) {
          $('import-apply').disabled = data.summary.rejected > 0 || data.summary.created + data.summary.updated === 0;
        } else {
          $('import-apply').disabled = true;
          status(`Imported: ${data.summary.created} created, ${data.summary.updated} updated.`);
          loadEntries().catch(() => {});
        }
      } catch (error) {
        if (error.status === 422 && error.problem.rows) { renderReport(error.problem); status('Nothing was imported: fix the rejected rows first.', true); }
        else failed(error, 'Import failed');
      }
    });
  }
  $('import-check').addEventListener('click', () => runImport(true));
  $('import-apply').addEventListener('click', () => runImport(false));

  function renderReport(report) {
    const s = report.summary;
    $('import-report').replaceChildren(
      el('p', { text: `${report.dryRun ? 'Check' : 'Import'}: ${s.created} to create, ${s.updated} to update, ${s.unchanged} unchanged, ${s.rejected} rejected.${report.applied ? ' Applied.' : ''}` }),
      el('table', {}, el('caption', { class: 'visually-hidden', text: 'Import rows' }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Row' }), el('th', { scope: 'col', text: 'Id' }), el('th', { scope: 'col', text: 'Action' }), el('th', { scope: 'col', text: 'Problems' }))),
        el('tbody', {}, ...report.rows.map((r) => el('tr', {},
          el('td', { text: String(r.row) }), el('td', { text: r.id || '' }), el('td', { text: r.action }),
          el('td', { text: r.errors ? Object.entries(r.errors).map(([f, m]) => `${f}: ${m.join(' ')}`).join(' · ') : '' }))))));
  }

  // ---- Feedback ---------------------------------------------------------------------------------------------
  async function loadFeedback() {
    const { data } = await api('GET', '/feedback');
    $('feedback-rows').replaceChildren(...data.map((f) => el('tr', {},
      el('td', { text: `${f.question} (${f.faqId})` }), el('td', { text: String(f.helpful) }), el('td', { text: String(f.unhelpful) }))));
  }

  // ---- Start ------------------------------------------------------------------------------------------------
  $('sign-in-form').addEventListener('submit', (event) => { event.preventDefault(); $('sign-in-error').hidden = true; signIn($('api-key').value.trim(), $('function-key').value.trim()); });
  $('sign-out').addEventListener('click', () => { if (confirmDiscard()) { state.dirty = false; signOut(); } });
  if (sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY)); else $('api-key').focus();
})();
