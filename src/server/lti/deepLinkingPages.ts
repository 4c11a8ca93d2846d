import type { ServerLesson } from '@shared/classServer/results';
import { escapeHtml } from '@shared/checkpoints/markdown';
import { page } from './ltiPages';

export const RETURN_SCRIPT_PATH = '/lti/return.js';

/** Sends the answer form back to the LMS at once; without scripts the person presses its button. */
export const RETURN_SCRIPT = `document.getElementById('lti-return').submit();\n`;

export const DEEP_LINKING_CSS = `
.choose { max-width: 40rem; }
fieldset { border: 0; margin: 0; padding: 0; }
legend { font-weight: 600; margin-bottom: 0.5rem; }
.lesson { display: flex; gap: 0.75rem; align-items: flex-start; margin: 0; padding: 0.75rem 0;
  border-bottom: 1px solid #dde1e8; font-weight: 400; cursor: pointer; }
.lesson input { width: 1.25rem; height: 1.25rem; margin: 0.1rem 0 0; flex: none; }
.lesson input:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.lesson strong { display: block; }
.lesson .hint { margin: 0.15rem 0 0; }
.sign-in { max-width: 32rem; }
.sign-in label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
.sign-in input[type="password"] { width: 100%; box-sizing: border-box; padding: 0.5rem; font: inherit;
  border: 1px solid #6b7280; border-radius: 4px; }
.sign-in input[type="password"]:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.sign-in button { margin-top: 1rem; }
`;

function length(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}

function questions(count: number): string {
  if (count === 0) return 'no questions';
  return count === 1 ? '1 question' : `${count} questions`;
}

/**
 * The instructor's choice: the lessons of the teacher this course's platform belongs to, as checkboxes (radio buttons
 * when the course takes one), each labelled by its title with its length and questions in words.
 */
export function choicePage(options: {
  readonly lessons: readonly ServerLesson[];
  readonly action: string;
  readonly token: string;
  readonly multiple: boolean;
  readonly error: string | null;
}): string {
  const type = options.multiple ? 'checkbox' : 'radio';
  const rows = options.lessons
    .map(
      (lesson) => `<label class="lesson">
<input type="${type}" name="lesson" value="${escapeHtml(lesson.id)}" aria-describedby="about-${escapeHtml(lesson.id)}">
<span><strong>${escapeHtml(lesson.title)}</strong>
<span class="hint" id="about-${escapeHtml(lesson.id)}">${length(lesson.durationMs)}, ${questions(lesson.questions.length)}</span></span>
</label>`,
    )
    .join('\n');
  const body =
    options.lessons.length === 0
      ? `<p>No lessons are published on this class server yet. Publish one from Flipside Studio, then add content
again from your course.</p>`
      : `<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<fieldset>
<legend>${options.multiple ? 'Lessons to add' : 'Lesson to add'}</legend>
${rows}
</fieldset>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<button type="submit">Add to the course</button>
</form>`;
  return page(
    'Add Flipside lessons',
    `<main class="choose">
<h1>Add Flipside lessons</h1>
<p class="lead">${
      options.multiple ? 'Choose the lessons to add to your course.' : 'Choose the lesson to add to your course.'
    } Each one gets a column in the course’s gradebook.</p>
${body}
</main>`,
  );
}

/**
 * A school-wide registration's instructor says once which teacher they are: they paste their teacher token (the one
 * Flipside Studio signs in with). The form is bound to this launch (`token`); nothing is kept in a cookie.
 */
export function signInPage(options: {
  readonly platform: string;
  readonly action: string;
  readonly token: string;
  readonly revoked: boolean;
  readonly error: string | null;
}): string {
  const why = options.revoked
    ? 'Your earlier sign-in no longer works: the teacher token it used was revoked. Sign in again with your current token.'
    : `${options.platform} is registered for the whole school. Sign in once with your teacher token, and this course ` +
      'tool will offer your lessons from then on.';
  return page(
    'Sign in to add Flipside lessons',
    `<main class="sign-in">
<h1>Sign in to add your lessons</h1>
<p class="lead">${escapeHtml(why)}</p>
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<label for="teacher-token">Teacher token</label>
<input type="password" id="teacher-token" name="teacher_token" required autocomplete="off" spellcheck="false"
  aria-describedby="teacher-token-hint${options.error ? ' teacher-token-error' : ''}"${options.error ? ' aria-invalid="true" autofocus' : ''}>
<p class="hint" id="teacher-token-hint">The token starts with fst_. Flipside Studio shows where it is kept in Settings,
Class server; the class server’s administrator can give you a new one.</p>
${options.error ? `<p class="error" role="alert" id="teacher-token-error">${escapeHtml(options.error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>
</main>`,
  );
}

/** Hands the signed answer to the LMS: a form posted to its return URL, by script or by the person's press. */
export function returnPage(returnUrl: string, jwt: string, titles: readonly string[]): string {
  return page(
    'Adding the lessons',
    `<main>
<h1>Adding ${titles.length === 1 ? 'the lesson' : `${titles.length} lessons`} to your course…</h1>
<ul>${titles.map((title) => `<li>${escapeHtml(title)}</li>`).join('')}</ul>
<form method="post" action="${escapeHtml(returnUrl)}" id="lti-return">
<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">
<button type="submit">Back to the course</button>
</form>
</main>
<script src="${RETURN_SCRIPT_PATH}"></script>`,
  );
}
