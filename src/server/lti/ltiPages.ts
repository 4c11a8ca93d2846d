import { analyzeClass, STUCK_RULE_TEXT, type LearnerStatus } from '@shared/classServer/analyze';
import type { ClassResults } from '@shared/classServer/results';
import { escapeHtml } from '@shared/checkpoints/markdown';
import { htmlPage } from '../learn/pages';
import type { RosterState } from './roster';

export const LTI_SCRIPT_PATH = '/lti/storage.js';
export const LTI_CSS_PATH = '/lti/lti.css';

export function page(title: string, body: string, extraHead = ''): string {
  return htmlPage(title, body, `<link rel="stylesheet" href="${LTI_CSS_PATH}">\n${extraHead}`);
}

/** JSON for a `<script type="application/json">`: no `<` can close the element early. */
function jsonScript(value: unknown): string {
  return `<script type="application/json" id="lti-config">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}

export type StorageStep =
  | {
      readonly step: 'login';
      readonly frame: string;
      readonly origin: string;
      readonly key: string;
      readonly value: string;
      readonly withStorage: string;
      readonly withoutStorage: string;
    }
  | {
      readonly step: 'launch';
      readonly frame: string;
      readonly origin: string;
      readonly key: string;
      readonly launch: string;
      readonly confirm: string;
    };

/** A page whose only work is the platform storage step, done by /lti/storage.js with what this page carries. */
export function storagePage(config: StorageStep): string {
  return page(
    'Opening the lesson',
    `<main>
<h1>Opening the lesson…</h1>
<p class="lead" id="lti-status" role="status">Checking with your course.</p>
</main>
${jsonScript(config)}
<script src="${LTI_SCRIPT_PATH}"></script>`,
  );
}

export function ltiMessagePage(title: string, message: string): string {
  return page(title, `<main>\n<h1>${escapeHtml(title)}</h1>\n<p class="lead">${escapeHtml(message)}</p>\n</main>`);
}

/**
 * The platform storage client (IMS LTI Client Side postMessages, `lti.put_data` / `lti.get_data`): at login it
 * keeps the nonce in the platform's window and goes on to the platform; a platform that does not answer in time
 * means the login goes on without it. At launch it reads the nonce back and hands it to the server, which opens the
 * lesson only if it matches. Messages go to, and are accepted only from, the platform's own origin.
 */
export const STORAGE_SCRIPT = `(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('lti-config').textContent);
  const status = document.getElementById('lti-status');
  const say = (text) => { status.textContent = text; };
  const platformWindow = () => {
    const parent = window.opener || window.parent;
    if (config.frame === '_parent' || !config.frame) return parent;
    try { return parent.frames[config.frame] || parent; } catch (error) { return parent; }
  };
  const ask = (subject, body) => new Promise((resolve) => {
    const messageId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    const timer = setTimeout(() => { window.removeEventListener('message', listen); resolve(null); }, 3000);
    function listen(event) {
      const data = event.data;
      if (event.origin !== config.origin || !data || data.subject !== subject + '.response' || data.message_id !== messageId) return;
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      resolve(data.error ? null : data);
    }
    window.addEventListener('message', listen);
    try { platformWindow().postMessage(Object.assign({ subject, message_id: messageId }, body), config.origin); }
    catch (error) { clearTimeout(timer); resolve(null); }
  });
  const run = async () => {
    if (config.step === 'login') {
      const stored = await ask('lti.put_data', { key: config.key, value: config.value });
      window.location.replace(stored ? config.withStorage : config.withoutStorage);
      return;
    }
    const found = await ask('lti.get_data', { key: config.key });
    if (!found || typeof found.value !== 'string') {
      say('Your course did not confirm this sign-in. Open the lesson again from your course.');
      return;
    }
    const response = await fetch(config.confirm, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ launch: config.launch, value: found.value }),
    });
    const answer = await response.json().catch(() => null);
    if (!response.ok || !answer || typeof answer.location !== 'string') {
      say((answer && answer.error && answer.error.message) || 'This lesson could not be opened. Open it again from your course.');
      return;
    }
    window.location.replace(answer.location);
  };
  run().catch(() => say('This lesson could not be opened. Open it again from your course.'));
})();
`;

export const LTI_CSS = `
.results { max-width: 60rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #dde1e8; }
th { font-weight: 600; }
.status-stuck { color: #8a1c1c; font-weight: 600; }
.counts { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0.5rem 0 1rem; padding: 0; list-style: none; }
.rule { font-size: 0.9rem; color: #4a5263; }
.roster-error { border-left: 4px solid #8a1c1c; padding: 0.4rem 0.8rem; background: #fdf3f3; }
`;

const STATUS_WORDS: Record<LearnerStatus, string> = {
  notStarted: 'Not started',
  watching: 'Watching',
  stuck: 'Stuck',
  done: 'Done',
};

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value)}%`);
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Where the not-started learners come from, and whether that list is as fresh as the page. */
function rosterNote(roster: RosterState): string {
  if (roster.error !== null)
    return `<p class="roster-error" role="status">The course’s list of learners could not be read just now (${escapeHtml(
      roster.error,
    )}). ${
      roster.fetchedAt === null
        ? 'Learners who have not opened the lesson are not listed yet.'
        : `Learners who have not opened the lesson are as the course listed them at ${utc(roster.fetchedAt)} UTC.`
    }</p>`;
  if (roster.fetchedAt === null) return '';
  return `<p class="rule">Learners who have not opened the lesson come from the course’s list of learners, read at ${utc(
    roster.fetchedAt,
  )} UTC.</p>`;
}

/** An instructor's view of one resource link: the lesson's Class results for the course's class, read-only. */
export function resultsPage(results: ClassResults, className: string, roster: RosterState, now: number): string {
  const analysis = analyzeClass(results, now);
  const learners = analysis.learners
    .map(
      (row) => `<tr>
<th scope="row">${escapeHtml(row.name)}</th>
<td class="${row.status === 'stuck' ? 'status-stuck' : ''}">${STATUS_WORDS[row.status]}</td>
<td>${percent(row.watchedPercent)}</td>
<td>${percent(row.scorePercent)}</td>
<td>${row.lastActivityAt === null ? '–' : utc(row.lastActivityAt)}</td>
</tr>`,
    )
    .join('\n');
  const questions = analysis.questions
    .map(
      (row) => `<tr>
<th scope="row">${row.number}. ${escapeHtml(row.question.prompt)}</th>
<td>${row.answered}</td>
<td>${percent(row.percentRightFirstTime)}</td>
<td>${row.wrongAnswers.map((wrong) => `${escapeHtml(wrong.label)} (${wrong.learners})`).join(', ') || '–'}</td>
</tr>`,
    )
    .join('\n');
  const counts = (Object.keys(STATUS_WORDS) as LearnerStatus[])
    .map((status) => `<li><strong>${analysis.counts[status]}</strong> ${STATUS_WORDS[status].toLowerCase()}</li>`)
    .join('');
  return page(
    `Class results: ${results.lesson.title}`,
    `<main class="results">
<h1>Class results: ${escapeHtml(results.lesson.title)}</h1>
<p class="lead">${escapeHtml(className)} · ${results.learners.length} learner(s)</p>
<ul class="counts" aria-label="Learners by status">${counts}</ul>
<p class="rule">${escapeHtml(STUCK_RULE_TEXT)}</p>
<h2>Learners</h2>
${rosterNote(roster)}
${
  results.learners.length === 0
    ? '<p>No learner has opened this lesson from the course yet.</p>'
    : `<table>
<thead><tr><th scope="col">Learner</th><th scope="col">Status</th><th scope="col">Watched</th><th scope="col">Score</th><th scope="col">Last active (UTC)</th></tr></thead>
<tbody>
${learners}
</tbody>
</table>`
}
<h2>Questions</h2>
<table>
<thead><tr><th scope="col">Question</th><th scope="col">Answered</th><th scope="col">Right first time</th><th scope="col">Common wrong answers</th></tr></thead>
<tbody>
${questions}
</tbody>
</table>
</main>`,
  );
}
