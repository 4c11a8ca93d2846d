import { escapeHtml } from '@shared/checkpoints/markdown';

export const LEARNER_CSS_PATH = '/assets/learner.css';

/** The join page's look: plain, large, high-contrast, usable on a phone and by keyboard. */
export const LEARNER_CSS = `
:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f4f5f7; color: #1d2330; }
main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
.lead { margin: 0 0 1.5rem; color: #4a5263; }
label { display: block; font-weight: 600; margin: 1rem 0 0.35rem; }
input[type=text] { box-sizing: border-box; width: 100%; font-size: 1.25rem; padding: 0.6rem 0.75rem;
  border: 2px solid #8a92a3; border-radius: 8px; }
input[type=text]:focus { outline: 3px solid #1a56db; outline-offset: 1px; border-color: #1a56db; }
.code { text-transform: uppercase; letter-spacing: 0.2em; font-family: ui-monospace, monospace; }
.hint { font-size: 0.9rem; color: #4a5263; margin: 0.35rem 0 0; }
button { margin-top: 1.5rem; width: 100%; font-size: 1.1rem; font-weight: 600; padding: 0.75rem; border: 0;
  border-radius: 8px; background: #1a56db; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #102a6b; outline-offset: 2px; }
button.secondary { background: #e6e9f0; color: #1d2330; }
.error { margin: 1rem 0 0; padding: 0.75rem; border-radius: 8px; background: #fdecec; color: #8a1c1c; }
.continue { border-bottom: 1px solid #dde1e8; padding-bottom: 1.5rem; margin-bottom: 0.5rem; }
.privacy { font-size: 0.85rem; color: #4a5263; margin-top: 1.5rem; }
`;

/**
 * The server's HTML shell: no referrer, the learner style sheet, and whatever else a page's head needs (its own style
 * sheet or script). Every server-rendered page (learner and LTI) is one of these.
 */
export function htmlPage(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${LEARNER_CSS_PATH}">
${extraHead}
</head>
<body>
${body}
</body>
</html>`;
}

function page(title: string, body: string): string {
  return htmlPage(title, `<main>\n${body}\n</main>`);
}

export interface JoinPageInput {
  readonly lessonTitle: string;
  readonly slug: string;
  readonly known: readonly { id: string; name: string; className: string }[];
  readonly code?: string;
  readonly name?: string;
  readonly error?: string;
}

/** Where a learner lands from the lesson's link: their class code and their name, nothing else. */
export function joinPage(input: JoinPageInput): string {
  const action = (what: string) => `/l/${encodeURIComponent(input.slug)}/${what}`;
  const continueForms = input.known
    .map(
      (learner) => `<form method="post" action="${action('continue')}" class="continue">
<input type="hidden" name="learner" value="${escapeHtml(learner.id)}">
<button type="submit">Continue as ${escapeHtml(learner.name)} (${escapeHtml(learner.className)})</button>
</form>`,
    )
    .join('\n');
  const error = input.error ? `<p class="error" role="alert" id="join-error">${escapeHtml(input.error)}</p>` : '';
  const described = input.error ? ' aria-describedby="join-error"' : '';
  return page(
    input.lessonTitle || 'Lesson',
    `<h1>${escapeHtml(input.lessonTitle || 'Lesson')}</h1>
<p class="lead">Join your class to start the lesson.</p>
${continueForms}
<form method="post" action="${action('join')}">
<label for="code">Class code</label>
<input type="text" id="code" name="code" class="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" value="${escapeHtml(input.code ?? '')}"${described}>
<p class="hint">Your teacher gives you this code.</p>
<label for="name">Your name</label>
<input type="text" id="name" name="name" required autocomplete="given-name" maxlength="60" value="${escapeHtml(input.name ?? '')}"${described}>
<p class="hint">As your teacher knows you. No email, no password.</p>
${error}
<button type="submit"${input.known.length > 0 ? ' class="secondary"' : ''}>Start the lesson</button>
</form>
<p class="privacy">Your teacher sees your answers and how you watched this lesson. Nothing else is collected.</p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="lead">${escapeHtml(message)}</p>`);
}
