import { escapeHtml } from '@shared/checkpoints/markdown';
import { page } from './ltiPages';

export const REGISTER_SCRIPT_PATH = '/lti/register.js';
export const REGISTER_CSS_PATH = '/lti/register.css';

/**
 * LTI Dynamic Registration 1.0, 3.7: the tool tells the LMS it is done by posting `org.imsglobal.lti.close` to the
 * window that opened it (a pop-up) or framed it (a dialog); the LMS then closes it. The message carries nothing
 * secret, and the LMS's page may be on another origin than its issuer (Canvas), hence '*', as the spec writes it.
 */
export const REGISTER_SCRIPT = `(() => {
  'use strict';
  const close = () => (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  for (const button of document.querySelectorAll('[data-lti-close]')) button.addEventListener('click', close);
})();
`;

export const REGISTRATION_CSS = `
.register { max-width: 36rem; }
.register ul { padding-left: 1.25rem; }
.register li { margin: 0.35rem 0; }
.register .actions { display: flex; gap: 0.75rem; }
.register .actions button { width: auto; padding: 0.75rem 1.5rem; }
`;

function registrationPage(title: string, body: string): string {
  return page(
    title,
    `<main class="register">\n${body}\n</main>\n<script src="${REGISTER_SCRIPT_PATH}"></script>`,
    `<link rel="stylesheet" href="${REGISTER_CSS_PATH}">`,
  );
}

/** The admin's confirmation: which LMS, for which teacher, and what it lets the LMS do. */
export function confirmPage(options: {
  readonly platform: string;
  readonly teacher: string;
  /** For the whole school: each instructor signs in once as their teacher and adds that teacher's lessons. */
  readonly school: boolean;
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
}): string {
  const hidden = Object.entries(options.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return registrationPage(
    'Register Flipside class server',
    `<h1>Register Flipside class server with ${escapeHtml(options.platform)}</h1>
<p class="lead">for ${escapeHtml(options.teacher)}</p>
<p>Once registered:</p>
<ul>
<li>${
      options.school
        ? 'instructors in this LMS sign in once with their teacher token, then add their own published lessons to ' +
          'their courses;'
        : `instructors in this LMS can add ${escapeHtml(options.teacher)}’s published lessons to their courses;`
    }</li>
<li>learners open those lessons from the course, under their LMS name;</li>
<li>scores go to the course’s gradebook.</li>
</ul>
<form method="post" action="${escapeHtml(options.action)}">
${hidden}
<div class="actions">
<button type="submit">Register</button>
<button type="button" class="secondary" data-lti-close>Cancel</button>
</div>
</form>`,
  );
}

/** Done: what was registered, and the button that hands the window back to the LMS. */
export function registeredPage(platform: string, teacher: string): string {
  return registrationPage(
    'Flipside class server registered',
    `<h1>Flipside class server is registered</h1>
<p class="lead" role="status">${escapeHtml(platform)} can now launch ${escapeHtml(teacher)}’s lessons.</p>
<p>Some LMSs list a new tool as pending until an administrator turns it on (Moodle: Site administration, Plugins,
External tool, Manage tools).</p>
<div class="actions"><button type="button" data-lti-close autofocus>Done</button></div>`,
  );
}

/** A registration that stopped: what happened, and that nothing was stored. */
export function failedPage(message: string): string {
  return registrationPage(
    'Registration stopped',
    `<h1>The registration did not go through</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
<p>Nothing was registered on the class server.</p>
<div class="actions"><button type="button" class="secondary" data-lti-close>Close</button></div>`,
  );
}
