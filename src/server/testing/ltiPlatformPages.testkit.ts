import type { AuthAnswer } from './ltiPlatform.testkit';

/** The HTML pages of the test LMS: the form post that carries an id_token to the tool, and a course page. */

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function autoPostPage(answer: AuthAnswer): string {
  const inputs = Object.entries(answer.fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  return `<!doctype html><html><body><form method="post" action="${escape(answer.redirectUri)}">${inputs}</form>
<script>document.forms[0].submit();</script></body></html>`;
}

/**
 * The course page: the tool in an iframe, and the platform storage answering the tool's origin only. Data is kept
 * per tool origin, in this window, as the Client Side postMessages spec describes.
 */
export function coursePage(loginUrl: string, toolOrigin: string): string {
  return `<!doctype html><html lang="en"><head><title>Physics 7B</title></head><body><main>
<h1>Physics 7B</h1>
<iframe name="tool" title="Lesson" src="${escape(loginUrl)}" style="width: 1000px; height: 700px"></iframe></main>
<script>
const toolOrigin = ${JSON.stringify(toolOrigin)};
const stored = new Map();
window.platformStorageLog = [];
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data.subject !== 'string' || !data.subject.startsWith('lti.')) return;
  window.platformStorageLog.push({ origin: event.origin, subject: data.subject, key: data.key });
  if (event.origin !== toolOrigin) return;
  const reply = (body) => event.source.postMessage(Object.assign({ message_id: data.message_id }, body), event.origin);
  if (data.subject === 'lti.put_data') {
    stored.set(event.origin + ' ' + data.key, data.value);
    reply({ subject: 'lti.put_data.response', key: data.key, value: data.value });
  } else if (data.subject === 'lti.get_data') {
    const value = stored.get(event.origin + ' ' + data.key);
    reply(value === undefined
      ? { subject: 'lti.get_data.response', error: { code: 'bad_request', message: 'no such key' } }
      : { subject: 'lti.get_data.response', key: data.key, value });
  }
});
</script></body></html>`;
}
