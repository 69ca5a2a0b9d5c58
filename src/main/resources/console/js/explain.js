// "Why these cards?": per rule of a service, the condition's value, the values of the defines the card shows, the
// FHIR resources the evidence came from and the time per define (POST /preview/api/explain/{id}); and the content
// version served, with the errors of a rejected reload (GET /preview/api/content). Informaticist views: nothing
// here is part of what an EHR receives.
import { consoleGet, consolePost } from './api.js';
import { el } from './cards.js';

const OUTCOME = { fired: 'Fired', repeat: 'Fired, not returned (reminder shown before)', quiet: 'Quiet',
  degraded: 'Degraded' };

function valueText(define) {
  if (!define.evaluated) return 'not evaluated (condition not met)';
  if (define.failure) return `failed: ${define.failure}`;
  if (define.value === null || define.value === undefined || define.value === '') return '(no value)';
  return define.value;
}

function defineRow(define, role) {
  return el('tr', { 'data-define': define.name },
    el('th', { scope: 'row', text: define.name }),
    el('td', { text: role }),
    el('td', {}, el('pre', { class: 'explain-value', text: valueText(define) })),
    el('td', { text: define.resources.length ? define.resources.join(', ') : '—' }),
    el('td', { class: 'number', text: define.evaluated ? `${define.millis.toFixed(1)} ms` : '—' }));
}

function ruleBlock(rule) {
  const table = el('table', { class: 'explain-table' },
    el('thead', {}, el('tr', {}, ...['Define', 'Role', 'Value', 'Resources (evidence)', 'Time']
      .map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, defineRow(rule.condition, 'condition'),
      ...rule.defines.map((define) => defineRow(define, 'card text'))));
  const headline = `${OUTCOME[rule.outcome] ?? rule.outcome}: ${rule.id}`
    + (rule.summary ? ` — “${rule.summary}”` : '') + (rule.degradedReason ? ` — ${rule.degradedReason}` : '');
  return el('div', { class: `explain-rule explain-${rule.outcome}`, 'data-rule-id': rule.id, 'data-outcome': rule.outcome },
    el('h4', { text: headline }),
    el('p', { class: 'hint', text: rule.evidence.length ? `Evidence from: ${rule.evidence.join(', ')}` : 'No FHIR resource retrieved.' }),
    table);
}

/** A collapsed "Why these cards?" block for one service's request; loads the explanation when first opened. */
export function explainBlock(serviceId, request) {
  const body = el('div', { class: 'explain-body' }, el('p', { class: 'empty', text: 'Loading…' }));
  const block = el('details', { class: 'explain', 'data-explain-service': serviceId },
    el('summary', { text: 'Why these cards? (every rule, its defines, evidence and timings)' }), body);
  let loaded = false;
  block.addEventListener('toggle', async () => {
    if (!block.open || loaded) return;
    loaded = true;
    try {
      const explanation = await consolePost(`/explain/${encodeURIComponent(serviceId)}`, request);
      body.replaceChildren(
        el('p', { class: 'timing', text: `Content version ${explanation.contentVersion} · data ${explanation.prefetchMillis.toFixed(1)} ms`
          + ` · CQL ${explanation.evaluationMillis.toFixed(1)} ms · not part of the EHR's response` }),
        ...explanation.rules.map(ruleBlock));
      block.dataset.loaded = 'true';
    } catch (error) {
      body.replaceChildren(el('p', { class: 'problem', role: 'alert', text: `Explanation failed: ${error.message}` }));
    }
  });
  return block;
}

/** Shows the content version served and, after a rejected reload, its errors (file:line:column). */
export async function showContentStatus(target) {
  try {
    const status = await consoleGet('/content');
    const last = status.lastReload;
    const children = [el('p', { class: 'hint', text: `Content version ${status.version}, loaded ${status.loadedAt}`
      + (status.watching.length ? ' · edits to the content folders are loaded live' : '') })];
    if (last && !last.loaded) {
      children.push(el('div', { class: 'problem', role: 'alert' },
        el('p', { text: `The last edit was rejected (${last.at}); version ${last.version} is still served:` }),
        el('ul', {}, ...last.errors.map((error) => el('li', {}, el('code', { text: error }))))));
    }
    target.replaceChildren(...children);
    target.dataset.version = String(status.version);
  } catch {
    target.replaceChildren();
  }
}
