// Card detail is GitHub-flavoured markdown from the service: render it with marked, then sanitise with DOMPurify
// before it touches the DOM. Links open in a new tab without a referrer.
import { marked } from '../../webjars/marked/17.0.1/lib/marked.esm.js';
import DOMPurify from '../../webjars/dompurify/3.3.3/dist/purify.es.mjs';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Safe HTML for a markdown string (empty for null). */
export function markdownToHtml(text) {
  const html = marked.parse(text ?? '', { gfm: true, breaks: false, async: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
