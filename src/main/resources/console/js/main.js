// Wiring of the preview console: discovery -> pickers -> run the chosen hook against every service that answers it
// -> cards, raw exchange and timing; suggestions and overrides send real feedback.
import { cdsCall, consoleGet, consolePost } from './api.js';
import { el, indicatorCounts, renderCard, sortBySeverity } from './cards.js';
import { explainBlock, showContentStatus } from './explain.js';

const $ = (id) => document.getElementById(id);
const state = { services: [], patients: [], orderingHooks: new Set() };

function setStatus(text) {
  $('status').textContent = text;
}

function pretty(value) {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function exchange(title, ...parts) {
  const block = el('details', { class: 'exchange' }, el('summary', { text: title }));
  for (const [label, value] of parts) {
    // tabindex: a scrollable block must be reachable by keyboard
    block.append(el('h4', { text: label }), el('pre', { tabindex: '0', 'aria-label': label }, el('code', { text: pretty(value) })));
  }
  const list = $('exchanges');
  list.querySelector('.empty')?.remove();
  list.append(block);
  return block;
}

function servicesFor(hook) {
  return state.services.filter((service) => service.hook === hook);
}

function onHookChange() {
  const hook = $('hook').value;
  const ordering = state.orderingHooks.has(hook);
  $('product-field').hidden = !ordering;
  $('product').disabled = !ordering;
  const names = servicesFor(hook).map((service) => `${service.title ?? service.id} (${service.id})`);
  $('hook-services').textContent = names.length ? `Answered by: ${names.join('; ')}` : '';
}

function onPatientChange() {
  const patient = state.patients.find((p) => p.id === $('patient').value);
  $('patient-scenario').textContent = patient ? patient.scenario : '';
}

async function sendFeedback(serviceId, item, control, status) {
  control.disabled = true;
  const path = `/cds-services/${encodeURIComponent(serviceId)}/feedback`;
  const body = { feedback: [{ ...item, outcomeTimestamp: new Date().toISOString() }] };
  try {
    const result = await cdsCall(path, body);
    exchange(`Feedback: POST ${path} → HTTP ${result.status} in ${result.elapsedMs} ms`,
      ['JWT header and claims', result.jwt], ['Request body', body], ['Response body', result.text || '(empty)']);
    status.textContent = result.ok
      ? `${item.outcome === 'accepted' ? 'Accepted' : 'Overridden'}: feedback recorded by the service (HTTP ${result.status}).`
      : `Feedback refused: HTTP ${result.status} ${result.body?.title ?? ''}`;
    status.dataset.feedbackStatus = String(result.status);
    if (!result.ok) control.disabled = false;
  } catch (error) {
    status.textContent = `Feedback failed: ${error.message}`;
    control.disabled = false;
  }
}

function handlers(serviceId) {
  return {
    onAccept(card, suggestion, button, status) {
      if (!card.uuid || !suggestion.uuid) {
        status.textContent = 'This card or suggestion has no uuid, so no feedback can be sent (CDS Hooks 2.0).';
        return;
      }
      button.setAttribute('aria-pressed', 'true');
      sendFeedback(serviceId, { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }] },
        button, status);
    },
    onOverride(card, reason, comment, button, status) {
      if (!card.uuid) {
        status.textContent = 'This card has no uuid, so no feedback can be sent (CDS Hooks 2.0).';
        return;
      }
      const item = { card: card.uuid, outcome: 'overridden' };
      if (reason || comment) {
        item.overrideReason = {};
        if (reason) item.overrideReason.reason = reason;
        if (comment) item.overrideReason.userComment = comment;
      }
      sendFeedback(serviceId, item, button, status);
    },
  };
}

async function runService(service, choice) {
  const request = await consolePost('/requests', { ...choice, prefetch: service.prefetch ?? {} });
  const path = `/cds-services/${encodeURIComponent(service.id)}`;
  const result = await cdsCall(path, request);
  const cards = Array.isArray(result.body?.cards) ? sortBySeverity(result.body.cards) : [];
  const section = el('section', { class: 'service-cards', 'data-service-id': service.id, 'aria-label': `Cards from ${service.id}` },
    el('h3', { text: `${service.title ?? service.id}` }),
    el('p', { class: 'timing', text: `${service.id} · ${service.hook} · HTTP ${result.status} · ${cards.length} card(s)`
      + `${cards.length ? ` (${indicatorCounts(cards)})` : ''} · answered in ${result.elapsedMs} ms` }));
  if (!result.ok) {
    section.append(el('p', { class: 'problem', role: 'alert',
      text: `The service answered HTTP ${result.status}: ${result.body?.title ?? ''} ${result.body?.detail ?? ''}` }));
  } else if (cards.length === 0) {
    section.append(el('p', { class: 'empty', text: 'No cards: the service has no advice for this patient and hook.' }));
  }
  cards.forEach((card) => section.append(renderCard(card, service.id, handlers(service.id))));
  if (result.ok) section.append(explainBlock(service.id, request));
  exchange(`${service.id}: POST ${path} → HTTP ${result.status} in ${result.elapsedMs} ms`,
    ['JWT header and claims (signature not shown)', result.jwt], ['Request', request], ['Response', result.body ?? result.text]);
  return { section, cards, ok: result.ok };
}

async function run(event) {
  event.preventDefault();
  const hook = $('hook').value;
  const services = servicesFor(hook);
  const choice = { hook, patientId: $('patient').value };
  if (state.orderingHooks.has(hook)) choice.productId = $('product').value;
  $('run').disabled = true;
  $('cards').setAttribute('aria-busy', 'true');
  setStatus(`Running ${hook} for ${$('patient').selectedOptions[0]?.textContent ?? ''}…`);
  $('exchanges').replaceChildren();
  try {
    const results = await Promise.all(services.map((service) => runService(service, choice)));
    $('cards').replaceChildren(...results.map((r) => r.section));
    const cards = results.flatMap((r) => r.cards);
    setStatus(`${hook}: ${services.length} service(s) answered with ${cards.length} card(s)`
      + `${cards.length ? `: ${indicatorCounts(cards)}` : ''}.`);
  } catch (error) {
    $('cards').replaceChildren(el('p', { class: 'problem', role: 'alert', text: `Run failed: ${error.message}` }));
    setStatus('Run failed.');
  } finally {
    showContentStatus($('content-status'));
    $('cards').setAttribute('aria-busy', 'false');
    $('run').disabled = false;
  }
}

async function start() {
  showContentStatus($('content-status'));
  setInterval(() => showContentStatus($('content-status')), 5000);
  try {
    const [patients, catalog, discovery] = await Promise.all([
      consoleGet('/patients'), consoleGet('/products'), cdsCall('/cds-services')]);
    if (!discovery.ok) throw new Error(`discovery answered HTTP ${discovery.status}`);
    state.patients = patients;
    state.services = discovery.body?.services ?? [];
    state.orderingHooks = new Set(catalog.orderingHooks);
    $('patient').replaceChildren(...patients.map((p) => el('option', { value: p.id,
      text: `${p.name}, ${p.age} y, ${p.gender}` })));
    const hooks = [...new Set(state.services.map((service) => service.hook))];
    $('hook').replaceChildren(...hooks.map((hook) => el('option', { value: hook, text: hook })));
    if (hooks.includes('order-sign')) $('hook').value = 'order-sign';
    $('product').replaceChildren(...catalog.products.map((p) => el('option', { value: p.id, text: p.label })));
    onPatientChange();
    onHookChange();
    $('run').disabled = hooks.length === 0;
    setStatus(hooks.length
      ? `${state.services.length} service entries found by discovery (GET /cds-services, HTTP ${discovery.status}, ${discovery.elapsedMs} ms).`
      : 'Discovery lists no service: add content to cds-hooks/.');
  } catch (error) {
    setStatus(`Could not start: ${error.message}`);
  }
}

$('patient').addEventListener('change', onPatientChange);
$('hook').addEventListener('change', onHookChange);
$('run-form').addEventListener('submit', run);
start();
