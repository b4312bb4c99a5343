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
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => {
    if (!confirmDiscard()) return;
    document.querySelectorAll('.tab').forEach((t) => t.removeAttribute('aria-current'));
    tab.setAttribute('aria-current', 'page');
    for (const panel of document.querySelectorAll('.panel')) panel.hidden = panel.id !== 'tab-' + tab.dataset.tab;
    ({ unanswered: loadUnanswered, feedback: loadFeedback, entries: loadEntries })[tab.dataset.tab]?.().catch((e) => failed(e, 'Loading failed'));
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

  // ---- Unanswered -------------------------------------------------------------------------------------------
  async function loadUnanswered() {
    const [{ data: groups }, ids] = await Promise.all([api('GET', '/unanswered'), allIds()]);
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    $('unanswered-count').textContent = total ? String(total) : '';
    const list = $('unanswered-list');
    if (groups.length === 0) { list.replaceChildren(el('p', { class: 'muted', text: 'Nothing to review. Well done.' })); return; }
    list.replaceChildren(...groups.map((group) => {
      const select = el('select', { 'aria-label': `Entry to add “${group.question}” to` });
      const suggested = group.items[0].candidates.map((c) => c.faqId);
      for (const x of [...ids].sort((a, b) => (suggested.indexOf(b.id) >= 0) - (suggested.indexOf(a.id) >= 0))) {
        select.append(el('option', { value: x.id, text: `${suggested.includes(x.id) ? '★ ' : ''}${x.question}` }));
      }
      const items = el('ul', { class: 'items' }, ...group.items.map((item) => el('li', {},
        el('span', { text: item.question }), el('span', { class: 'muted', text: ` · ${item.outcome}, ${new Date(item.at).toLocaleString()}` }),
        ' ', el('button', { type: 'button', class: 'secondary', text: 'Dismiss', 'aria-label': `Dismiss “${item.question}”`, onclick: () => dismiss([item.id]) }))));
      return el('article', { class: 'group' },
        el('h3', { text: `“${group.question}”` }), el('p', { class: 'muted', text: `Asked ${group.count} time${group.count === 1 ? '' : 's'}, last ${new Date(group.lastAsked).toLocaleString()}` }),
        items,
        el('div', { class: 'attach' },
          el('span', { text: 'Add as a wording of:' }), select,
          el('button', { type: 'button', text: 'Add', onclick: () => attach(group, select.value) }),
          el('button', { type: 'button', class: 'secondary', text: 'Dismiss all', onclick: () => dismiss(group.items.map((i) => i.id)) })));
    }));
  }

  function attach(group, faqId) {
    return oneChangeAtATime(async () => {
      try {
        await api('POST', `/unanswered/${encodeURIComponent(group.id)}/attach`, { body: { faqId } });
        // The others in the group are the same question in other words; they are answered from now on too.
        for (const item of group.items.slice(1)) await api('DELETE', `/unanswered/${encodeURIComponent(item.id)}`).catch(() => {});
        status(`Added “${group.question}” to “${faqId}”. The bot answers it from now on.`);
        await loadUnanswered();
      } catch (error) {
        if (error.status === 400 && error.problem.errors) status(Object.values(error.problem.errors).flat().join(' '), true);
        else failed(error, 'Could not add the question');
      }
    });
  }

  function dismiss(ids) {
    return oneChangeAtATime(async () => {
      try {
        for (const id of ids) await api('DELETE', `/unanswered/${encodeURIComponent(id)}`);
        status(ids.length === 1 ? 'Dismissed.' : `Dismissed ${ids.length} questions.`);
        await loadUnanswered();
      } catch (error) { failed(error, 'Could not dismiss'); }
    });
  }

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
