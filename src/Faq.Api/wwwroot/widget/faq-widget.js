/* Faq chat widget. Embed with:
 *   <script src="https://<app>/widget/faq-widget.js" data-endpoint="https://<app>/api"
 *           data-title="Questions about dry needling?" data-accent="#00695c" async></script>
 * Optional: data-phone (clinic phone for urgent replies), data-suggested (entry ids, comma separated),
 * data-greeting, data-language (en or es; default: the page's lang). No cookies, no third-party requests, no analytics; everything the server says is shown as text.
 */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.__faqWidget) return;
  window.__faqWidget = true;

  const cfg = script.dataset;
  const endpoint = (cfg.endpoint || new URL('../api', script.src).href).replace(/\/$/, '');
  // UI strings per language: the page's lang (or data-language) picks them and is sent as the reply-language hint.
  const STRINGS = {
    en: { title: 'Questions about dry needling?', close: 'Close', closeLabel: 'Close chat', restart: 'Start over', conversation: 'Conversation',
      yourQuestion: 'Your question', placeholder: 'Type your question…', send: 'Send', typing: 'The assistant is typing',
      greeting: 'Hi! I answer common questions about dry needling from our clinic\'s FAQ.',
      greetingNote: 'I can\'t give medical advice or see your records. For your own care, please ask your clinician.',
      busy: 'Lots of questions right now. Please wait a moment, then try again.', unavailable: 'The assistant is briefly unavailable. Please try again in a few seconds.',
      tooLong: 'Please shorten your question (up to 500 characters) and try again.', offline: 'Sorry, I couldn\'t reach the clinic\'s assistant. Check your connection and try again.',
      retry: 'Try again', you: 'You: ', assistant: 'Assistant: ', seekCare: 'Seek care now', clinic: 'Clinic: ', didYouMean: 'Did you mean',
      alsoAsk: 'You might also ask', suggested: 'Suggested questions', helpful: 'Helpful', notHelpful: 'Not helpful', yes: 'Yes', no: 'No',
      wasHelpful: 'Was this helpful?', thanks: 'Thanks for the feedback.', helpfulShort: 'Helpful?',
      askPerson: 'Or ask a person at the clinic:', sorryAskPerson: 'Sorry it didn\'t help. You can ask a person at the clinic:',
      more: 'More', less: 'Less', shortDisclaimer: 'General information, not medical advice.' },
    es: { title: '¿Preguntas sobre la punción seca?', close: 'Cerrar', closeLabel: 'Cerrar el chat', restart: 'Empezar de nuevo', conversation: 'Conversación',
      yourQuestion: 'Su pregunta', placeholder: 'Escriba su pregunta…', send: 'Enviar', typing: 'El asistente está escribiendo',
      greeting: '¡Hola! Respondo preguntas comunes sobre la punción seca con las preguntas frecuentes de nuestra clínica.',
      greetingNote: 'No puedo dar consejos médicos ni ver su expediente. Sobre su propio cuidado, consulte a su profesional de salud.',
      busy: 'Hay muchas preguntas en este momento. Espere un momento y vuelva a intentarlo.', unavailable: 'El asistente no está disponible por un momento. Inténtelo de nuevo en unos segundos.',
      tooLong: 'Acorte su pregunta (hasta 500 caracteres) e inténtelo de nuevo.', offline: 'No pude comunicarme con el asistente de la clínica. Revise su conexión e inténtelo de nuevo.',
      retry: 'Intentar de nuevo', you: 'Usted: ', assistant: 'Asistente: ', seekCare: 'Busque atención ahora', clinic: 'Clínica: ', didYouMean: '¿Quiso decir',
      alsoAsk: 'También puede preguntar', suggested: 'Preguntas sugeridas', helpful: 'Útil', notHelpful: 'No fue útil', yes: 'Sí', no: 'No',
      wasHelpful: '¿Le fue útil?', thanks: 'Gracias por su opinión.', helpfulShort: '¿Le sirvió?',
      askPerson: 'O consulte a una persona de la clínica:', sorryAskPerson: 'Lamentamos que no le haya servido. Puede consultar a una persona de la clínica:',
      more: 'Más', less: 'Menos', shortDisclaimer: 'Información general, no consejo médico.' },
  };
  const lang = ((cfg.language || document.documentElement.lang || 'en').trim().toLowerCase().split(/[-_]/)[0]);
  const language = STRINGS[lang] ? lang : 'en';
  const t = STRINGS[language];
  const title = cfg.title || t.title;
  const storeKey = 'faq-widget:' + endpoint;
  const state = load() || { open: false, messages: [] };
  let busy = false;
  let feedbackEnabled = true;

  const css = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  z-index: 2147483000 !important; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif !important; color: #1a1a1a !important;
  --faq-accent: ${safeColor(cfg.accent) || '#00695c'}; --faq-text: #1a1a1a; --faq-muted: #4d4d4d; --faq-bg: #fff; --faq-urgent: #b00020; }
*, *::before, *::after { box-sizing: border-box; }
button, input { font: inherit; }
:focus-visible { outline: 2px solid var(--faq-accent); outline-offset: 2px; }
header :focus-visible, .launcher:focus-visible { outline-color: #fff; outline-offset: -4px; }
.launcher { display: inline-flex; align-items: center; gap: .5em; border: 0; border-radius: 999px; padding: .75em 1.1em; background: var(--faq-accent); color: #fff;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); cursor: pointer; font-weight: 600; max-width: calc(100vw - 32px); }
.launcher svg { width: 1.25em; height: 1.25em; flex: none; }
.panel { position: fixed; right: 16px; bottom: 16px; width: min(380px, calc(100vw - 32px)); height: min(620px, calc(100vh - 32px)); background: var(--faq-bg);
  border-radius: 14px; box-shadow: 0 10px 40px rgba(0,0,0,.3); display: flex; flex-direction: column; overflow: hidden; }
[hidden] { display: none !important; }
@media (max-width: 480px) {
  :host { right: 12px !important; bottom: 12px !important; }
  .launcher { width: 56px; height: 56px; padding: 0; justify-content: center; }
  .launcher svg { width: 26px; height: 26px; }
  .launcher span { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .panel { right: 0; bottom: 0; width: 100vw; height: 100%; border-radius: 0; } }
header { background: var(--faq-accent); color: #fff; padding: .45em .4em .45em .9em; display: flex; align-items: center; gap: .15em; }
header h2 { font-size: 1em; margin: 0; flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header button { flex: none; display: inline-flex; align-items: center; justify-content: center; width: 2.2em; height: 2.2em; padding: 0;
  background: transparent; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
header button:hover { background: rgba(255,255,255,.16); }
header button svg { width: 1.2em; height: 1.2em; }
@media (max-width: 360px) { header { padding-left: .75em; } header h2 { font-size: .9em; } header button { width: 2em; height: 2em; } }
.log { position: relative; flex: 1; overflow-y: auto; padding: .8em; display: flex; flex-direction: column; gap: .6em; overscroll-behavior: contain; }
.msg { max-width: 92%; padding: .55em .8em; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.user { align-self: flex-end; background: #e8f0fe; }
.bot { align-self: flex-start; background: #f2f2f2; }
.bot .disclaimer { display: block; margin-top: .5em; font-size: .85em; color: var(--faq-muted); border-top: 1px solid #d6d6d6; padding-top: .4em; }
.fine { display: flex; flex-wrap: wrap; align-items: center; gap: 0 .35em; margin-top: .35em; font-size: .8em; color: var(--faq-muted); white-space: normal; }
.fine .disclaimer { flex-basis: 100%; margin-top: .2em; font-size: 1em; }
.linkish { background: none; border: 0; padding: 0 .15em; min-height: 24px; color: #0b57d0; text-decoration: underline; cursor: pointer; font-size: 1em; }
.urgent { background: #fde7ea; border: 2px solid var(--faq-urgent); }
.urgent .alert { display: block; font-weight: 700; color: var(--faq-urgent); margin-bottom: .3em; }
.note { font-size: .85em; color: var(--faq-muted); }
.chips { display: flex; flex-wrap: wrap; gap: .3em; margin-top: .45em; white-space: normal; }
.chip { border: 1px solid var(--faq-accent); color: var(--faq-accent); background: #fff; border-radius: 999px; padding: .2em .65em; min-height: 28px;
  font-size: .85em; line-height: 1.3; cursor: pointer; text-align: left; }
.chip:hover { background: #f1f8f6; }
.rate { display: flex; flex-wrap: wrap; gap: .3em; margin-top: .35em; align-items: center; font-size: .8em; color: var(--faq-muted); white-space: normal; }
.rate button { border: 1px solid #767676; background: #fff; color: var(--faq-text); border-radius: 6px; min-height: 24px; min-width: 2.8em; padding: .1em .55em; cursor: pointer; }
.actions { display: flex; flex-wrap: wrap; gap: .35em; margin-top: .5em; white-space: normal; }
.actions .note { flex-basis: 100%; }
a.action { display: inline-flex; align-items: center; min-height: 32px; padding: .25em .8em; border-radius: 8px; background: var(--faq-accent); color: #fff;
  text-decoration: none; font-weight: 600; font-size: .9em; }
a.action:hover { text-decoration: underline; }
.typing { align-self: flex-start; color: var(--faq-muted); font-size: .9em; }
.typing span { display: inline-block; animation: blink 1.2s infinite; }
.typing span:nth-child(2) { animation-delay: .2s; } .typing span:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .2; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .typing span { animation: none; } *, *::before, *::after { scroll-behavior: auto !important; transition: none !important; } }
.error { align-self: stretch; background: #fff8e1; border: 1px solid #8d6e00; border-radius: 10px; padding: .6em .8em; }
.error button { margin-top: .4em; }
form { display: flex; gap: .4em; padding: .6em; border-top: 1px solid #ddd; background: #fafafa; }
form input { flex: 1; min-width: 0; border: 1px solid #767676; border-radius: 8px; padding: .6em; color: var(--faq-text); background: #fff; }
form input:focus-visible { outline: 2px solid var(--faq-accent); outline-offset: -1px; border-color: var(--faq-accent); }
form button, .error button { border: 0; border-radius: 8px; padding: .6em .9em; background: var(--faq-accent); color: #fff; cursor: pointer; font-weight: 600; }
a { color: #0b57d0; text-decoration: underline; }
.urgent a { color: var(--faq-urgent); font-weight: 700; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }`;

  // A custom element name, so page rules aimed at div, section or button cannot reach the host.
  const host = document.createElement('faq-chat-widget');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;

  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'faq-panel' },
    icon('M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'), el('span', { text: title }));
  const closeButton = el('button', { type: 'button', 'aria-label': t.closeLabel, title: t.closeLabel },
    icon('M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z'));
  const restartButton = el('button', { type: 'button', 'aria-label': t.restart, title: t.restart },
    icon('M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z'));
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', 'aria-label': t.conversation });
  const input = el('input', { type: 'text', maxlength: '500', autocomplete: 'off', 'aria-label': t.yourQuestion, placeholder: t.placeholder });
  const form = el('form', {}, input, el('button', { type: 'submit', text: t.send }));
  const panel = el('section', { class: 'panel', id: 'faq-panel', role: 'dialog', 'aria-label': title, hidden: true },
    el('header', {}, el('h2', { text: title }), restartButton, closeButton), log, form);
  root.append(style, launcher, panel);

  function mount() { document.body.append(host); render(); if (state.open) open(false); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  launcher.addEventListener('click', () => open(true));
  closeButton.addEventListener('click', close);
  restartButton.addEventListener('click', () => { state.messages = []; save(); render(); greet(); input.focus(); });
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } });
  // Escape also closes when focus has fallen out of the panel (for example onto the page body).
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.open && (document.activeElement === document.body || document.activeElement === host)) close();
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); ask(input.value); });

  function open(focus) {
    state.open = true; save();
    launcher.hidden = true; panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (state.messages.length === 0) greet();
    log.scrollTop = log.scrollHeight;
    if (focus) input.focus();
  }

  function close() {
    state.open = false; save();
    panel.hidden = true; launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  async function greet() {
    const message = { role: 'bot', kind: 'greeting', text: cfg.greeting || t.greeting,
      note: t.greetingNote, suggestions: [] };
    state.messages.push(message); save();
    const node = append(message);
    try {
      const faqs = await getJson('/faqs?language=' + language);
      const wanted = (cfg.suggested || '').split(',').map((s) => s.trim()).filter(Boolean);
      const picked = wanted.length ? wanted.map((id) => faqs.find((f) => f.faqId === id)).filter(Boolean) : faqs.slice(0, 4);
      message.suggestions = picked.slice(0, 4).map((f) => ({ faqId: f.faqId, question: f.question }));
      save();
      // Added to the greeting already shown, so the log announces only the suggestions.
      if (message.suggestions.length && node.isConnected) node.append(chips(message.suggestions, t.suggested));
    } catch { /* suggestions are optional */ }
  }

  async function ask(text) {
    const question = (text || '').trim();
    if (!question || busy) return;
    busy = true;
    clearErrors();
    log.querySelectorAll('.rate').forEach((r) => r.remove()); // feedback is offered on the latest answer only
    const asked = { role: 'user', text: question };
    state.messages.push(asked); save();
    const questionNode = append(asked);
    // Decorative: the log announces the reply itself when it arrives.
    const typing = el('div', { class: 'typing', 'aria-hidden': 'true' }, el('span', { text: '•' }), el('span', { text: '•' }), el('span', { text: '•' }));
    log.append(typing); log.scrollTop = log.scrollHeight;
    try {
      const reply = await postJson('/ask', { question, channel: 'web', sessionId: sessionId(), language });
      input.value = '';
      typing.remove();
      const message = { role: 'bot', kind: reply.outcome, text: reply.answer, disclaimer: reply.disclaimer,
        faqId: reply.faqId, suggestions: reply.suggestions || [], contact: reply.contact || [] };
      state.messages.push(message); save();
      showStart(questionNode, append(message));
    } catch (error) {
      typing.remove();
      state.messages.pop(); // the question was not answered; it stays in the input box to send again
      questionNode.remove();
      save();
      input.value = question;
      showError(error.status === 429 ? t.busy : error.status === 503 ? t.unavailable : error.status === 400 ? t.tooLong : t.offline, question);
    } finally {
      busy = false;
    }
  }

  // A new reply is read from its start: the question and the reply when both fit, else the reply's first line at the top.
  function showStart(questionNode, replyNode) {
    const room = log.clientHeight;
    const fromQuestion = replyNode.offsetTop + replyNode.offsetHeight - questionNode.offsetTop + 16;
    log.scrollTop = fromQuestion <= room ? questionNode.offsetTop - 12 : replyNode.offsetTop - 12;
  }

  function showError(text, question) {
    const retry = el('button', { type: 'button', text: t.retry });
    retry.addEventListener('click', () => ask(question));
    log.append(el('div', { class: 'error', role: 'alert' }, el('div', { text }), retry));
    log.scrollTop = log.scrollHeight;
  }

  function clearErrors() { log.querySelectorAll('.error').forEach((e) => e.remove()); }

  // The whole conversation, when it is (re)loaded; while chatting, messages are appended one by one so the log
  // announces only what is new.
  function render() {
    const errors = [...log.querySelectorAll('.error')];
    const last = state.messages.length - 1;
    log.replaceChildren(...state.messages.map((m, i) => renderMessage(m, i, i === last)), ...errors);
    log.scrollTop = log.scrollHeight;
  }

  function append(message) {
    const index = state.messages.indexOf(message);
    const node = renderMessage(message, index, true);
    const firstError = log.querySelector('.error');
    log.insertBefore(node, firstError);
    return node;
  }

  function renderMessage(m, index, latest) {
    if (m.role === 'user') return el('div', { class: 'msg user' }, el('span', { class: 'visually-hidden', text: t.you }), m.text);
    const box = el('div', { class: 'msg bot' + (m.kind === 'urgent' ? ' urgent' : ''), role: m.kind === 'urgent' ? 'alert' : null });
    if (m.kind === 'urgent') {
      box.append(el('span', { class: 'alert', text: t.seekCare }));
    }
    box.append(el('span', { class: 'visually-hidden', text: t.assistant }), ...linkify(m.text));
    if (m.kind === 'urgent' && cfg.phone) {
      box.append(el('div', {}, t.clinic, el('a', { href: 'tel:' + cfg.phone.replace(/[^\d+]/g, ''), text: cfg.phone })));
    }
    if (m.note) box.append(el('div', { class: 'note', text: m.note }));
    const suggestions = m.suggestions || [];
    if (suggestions.length && m.kind !== 'urgent') {
      box.append(chips(suggestions, m.kind === 'clarify' ? t.didYouMean : m.kind === 'answered' ? t.alsoAsk : t.suggested));
    }
    if ((m.kind === 'clarify' || m.kind === 'fallback') && m.contact && m.contact.length) {
      box.append(actions(m.contact, t.askPerson));
    }
    if (m.disclaimer) box.append(disclaimer(m, index));
    if (latest && m.kind === 'answered' && m.faqId && feedbackEnabled) box.append(rating(m, index));
    return box;
  }

  // In full on the conversation's first reply (and on urgent ones); after that a short line that opens it.
  function disclaimer(m, index) {
    const first = state.messages.findIndex((x) => x.disclaimer) === index;
    if (first || m.kind === 'urgent') return el('span', { class: 'disclaimer', text: m.disclaimer });
    const full = el('span', { class: 'disclaimer', id: 'faq-disclaimer-' + index, text: m.disclaimer, hidden: true });
    const toggle = el('button', { type: 'button', class: 'linkish', 'aria-expanded': 'false', 'aria-controls': full.id, text: t.more });
    toggle.addEventListener('click', () => {
      const shown = full.hidden;
      full.hidden = !shown;
      toggle.setAttribute('aria-expanded', String(shown));
      toggle.textContent = shown ? t.less : t.more;
    });
    return el('div', { class: 'fine' }, el('span', { text: t.shortDisclaimer }), toggle, full);
  }

  function chips(suggestions, label) {
    return el('div', { class: 'chips', role: 'group', 'aria-label': label },
      ...suggestions.map((s) => {
        const b = el('button', { type: 'button', class: 'chip', text: s.question });
        // Keep keyboard users in the input box, where the next question is typed.
        b.addEventListener('click', () => { input.focus(); ask(s.question); });
        return b;
      }));
  }

  // Ways to reach a person, from the clinic's configuration (the API sends none when nothing is configured).
  function actions(contact, text) {
    const links = contact.filter((a) => /^(tel:|mailto:|https?:)/.test(a.href || '')).map((a) =>
      el('a', { class: 'action', href: a.href, text: a.label, ...(a.kind === 'book' ? { target: '_blank', rel: 'noopener noreferrer' } : {}) }));
    return links.length ? el('div', { class: 'actions' }, el('span', { class: 'note', text }), ...links) : null;
  }

  function rating(message, index) {
    const row = el('div', { class: 'rate', role: 'group', 'aria-label': t.wasHelpful, 'data-message': String(index) });
    const vote = async (helpful) => {
      message.rated = helpful; save();
      // Only the row changes, so the log announces the thanks (and the ways to a person), not the whole answer again.
      const contact = !helpful && message.contact && message.contact.length ? actions(message.contact, t.sorryAskPerson) : null;
      row.replaceChildren(el('span', { text: helpful ? t.thanks : contact ? '' : t.thanks }), ...(contact ? [contact] : []));
      try { await postJson('/feedback', { faqId: message.faqId, helpful, sessionId: sessionId() }); }
      catch (e) { if (e.status === 404) feedbackEnabled = false; }
    };
    if (message.rated !== undefined) return el('div', { class: 'rate' }, el('span', { text: t.thanks }));
    const up = el('button', { type: 'button', text: t.yes });
    const down = el('button', { type: 'button', text: t.no });
    up.addEventListener('click', () => { input.focus(); vote(true); });
    down.addEventListener('click', () => { input.focus(); vote(false); });
    row.append(el('span', { text: t.helpfulShort }), up, down);
    return row;
  }

  // Only https, tel and mailto links; everything else stays plain text.
  function linkify(text) {
    const parts = [];
    const pattern = /(https:\/\/[^\s<>"')]+[^\s<>"').,;:!?])|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|((?:\+?\d[\d\s().-]{5,}\d)|\b(?:911|999|112|988)\b)/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) parts.push(text.slice(last, match.index));
      const [value, url, email, phone] = match;
      if (url) parts.push(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: url }));
      else if (email) parts.push(el('a', { href: 'mailto:' + email, text: email }));
      else if (/^(911|999|112|988)$/.test(phone) || phone.replace(/\D/g, '').length >= 7) parts.push(el('a', { href: 'tel:' + phone.replace(/[^\d+]/g, ''), text: value }));
      else parts.push(value);
      last = match.index + value.length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  }

  async function getJson(path) { return request(path, { method: 'GET' }); }
  async function postJson(path, body) {
    return request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
  async function request(path, init) {
    let response;
    try { response = await fetch(endpoint + path, { ...init, credentials: 'omit', mode: 'cors' }); }
    catch { throw { status: 0 }; }
    if (!response.ok) throw { status: response.status };
    return response.status === 202 || response.status === 204 ? null : response.json();
  }

  function sessionId() {
    state.sessionId ||= (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    return state.sessionId;
  }

  function save() { try { sessionStorage.setItem(storeKey, JSON.stringify(state)); } catch { /* private mode */ } }
  function load() { try { return JSON.parse(sessionStorage.getItem(storeKey)); } catch { return null; } }
  function safeColor(value) { return /^#[0-9a-f]{3,8}$|^[a-z]+$|^rgb\([\d\s,%.]+\)$/i.test(value || '') ? value : null; }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (v === true) node.setAttribute(k, '');
      else if (v !== false && v != null) node.setAttribute(k, v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  function icon(d) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('aria-hidden', 'true'); svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
  }
})();
