// Renders CDS Hooks cards the way EHRs show them: indicator (colour and text), summary, markdown detail, source,
// links, suggestions as buttons and override reasons. Only sanitised markdown is inserted as HTML.
import { markdownToHtml } from './markdown.js';

const SEVERITY = { critical: 0, warning: 1, info: 2 };
const LABEL = { critical: 'Critical', warning: 'Warning', info: 'Info' };
let sequence = 0;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Only http(s) URLs become links: a card must not be able to smuggle javascript: into the page. */
function safeLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
      return el('a', { href: parsed.toString(), target: '_blank', rel: 'noopener noreferrer', text: label || url });
    }
  } catch { /* not an absolute URL */ }
  return el('span', { text: label || url });
}

export function sortBySeverity(cards) {
  return [...cards].sort((a, b) => (SEVERITY[a.indicator] ?? 3) - (SEVERITY[b.indicator] ?? 3));
}

export function indicatorCounts(cards) {
  return ['critical', 'warning', 'info']
    .map((indicator) => [indicator, cards.filter((card) => card.indicator === indicator).length])
    .filter(([, count]) => count > 0)
    .map(([indicator, count]) => `${count} ${indicator}`)
    .join(', ');
}

function suggestionBlock(card, onAccept, status) {
  if (!card.suggestions?.length) return null;
  const group = el('div', { class: 'card-suggestions', role: 'group', 'aria-label': 'Suggestions' });
  for (const suggestion of card.suggestions) {
    const button = el('button', { type: 'button', class: suggestion.isRecommended ? 'suggestion recommended' : 'suggestion',
      'data-suggestion-uuid': suggestion.uuid, text: suggestion.label });
    if (suggestion.isRecommended) button.append(el('span', { class: 'badge', text: 'recommended' }));
    button.addEventListener('click', () => onAccept(card, suggestion, button, status));
    const actions = el('ul', { class: 'actions' },
      ...(suggestion.actions ?? []).map((action) => el('li', {
        text: `${action.type}${action.resourceId ? ` ${action.resourceId}` : ''}${action.resource?.resourceType ? ` ${action.resource.resourceType}` : ''}: ${action.description ?? ''}`,
      })));
    group.append(el('div', { class: 'suggestion-row' }, button, actions.children.length ? actions : null));
  }
  if (card.selectionBehavior) {
    group.append(el('p', { class: 'hint', text: `selectionBehavior: ${card.selectionBehavior}` }));
  }
  return group;
}

function overrideBlock(card, onOverride, status) {
  const id = `override-${sequence}`;
  const reasons = card.overrideReasons ?? [];
  const form = el('div', { class: 'override-form' });
  let select = null;
  if (reasons.length) {
    select = el('select', { id: `${id}-reason` },
      el('option', { value: '', text: 'Choose a reason' }),
      ...reasons.map((reason, index) => el('option', { value: String(index), text: reason.display ?? reason.code })));
    form.append(el('label', { for: `${id}-reason`, text: 'Override reason' }), select);
  }
  const comment = el('input', { id: `${id}-comment`, type: 'text', maxlength: '500', autocomplete: 'off' });
  const send = el('button', { type: 'button', class: 'override-send', text: 'Send override' });
  send.addEventListener('click', () => {
    const reason = !select || select.value === '' ? null : reasons[Number(select.value)];
    onOverride(card, reason, comment.value.trim(), send, status);
  });
  form.append(el('label', { for: `${id}-comment`, text: 'Comment (optional)' }), comment, send);
  return el('details', { class: 'card-override' }, el('summary', { text: 'Override this card' }), form);
}

/** One card as an article; handlers send the real feedback. */
export function renderCard(card, serviceId, { onAccept, onOverride }) {
  sequence += 1;
  const summaryId = `card-${sequence}-summary`;
  const indicator = LABEL[card.indicator] ? card.indicator : 'info';
  const status = el('p', { class: 'card-feedback', role: 'status' });
  const detail = card.detail ? el('div', { class: 'card-detail' }) : null;
  if (detail) detail.innerHTML = markdownToHtml(card.detail);
  const source = card.source
    ? el('p', { class: 'card-source' }, 'Source: ', card.source.url ? safeLink(card.source.url, card.source.label) : el('span', { text: card.source.label }),
      card.source.topic ? el('span', { class: 'hint', text: ` (topic: ${card.source.topic.display ?? card.source.topic.code})` }) : null)
    : null;
  const links = card.links?.length
    ? el('ul', { class: 'card-links', 'aria-label': 'Links' }, ...card.links.map((link) => el('li', {}, safeLink(link.url, link.label),
      link.type === 'smart' ? el('span', { class: 'hint', text: ' (SMART app)' }) : null)))
    : null;
  return el('article', { class: `card card-${indicator}`, 'aria-labelledby': summaryId,
    'data-indicator': card.indicator, 'data-card-uuid': card.uuid, 'data-service-id': serviceId },
  el('div', { class: 'card-head' },
    el('span', { class: `indicator indicator-${indicator}`, text: LABEL[indicator] }),
    el('h4', { id: summaryId, class: 'card-summary', text: card.summary })),
  detail, source, links,
  suggestionBlock(card, onAccept, status),
  overrideBlock(card, onOverride, status),
  status);
}

export { el };
