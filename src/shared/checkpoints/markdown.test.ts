import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown, safeHref } from './markdown';

/** Every tag the renderer may emit, with the attributes each may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  code: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href', 'rel', 'target'],
};

/** Checks the output the way a browser would read it: each `<` opens a tag, since text `<` is always escaped. */
function assertSafe(html: string): void {
  for (const [, name = '', attributes = ''] of html.matchAll(/<\/?([a-zA-Z0-9]*)([^>]*)>?/g)) {
    expect(Object.keys(ALLOWED)).toContain(name);
    const found = [...attributes.matchAll(/([^\s=]+)="([^"]*)"/g)];
    expect(attributes.replace(/([^\s=]+)="([^"]*)"/g, '').trim()).toBe('');
    for (const [, attribute = '', value = ''] of found) {
      expect(ALLOWED[name]).toContain(attribute);
      if (attribute === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/i);
    }
  }
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
}

/** The text a browser would show: tags dropped, our entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(\'XSS\')">',
  '<svg/onload=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](javascript&#58;alert`1`)',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](https://ok.example/"onmouseover="alert(1))',
  "[click](https://ok.example/'onmouseover='alert(1))",
  '[x](https://a.example/><script>alert(1)</script>)',
  '**<img src=x onerror=alert(1)>**',
  '`<script>alert(1)</script>`',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<<script>alert(1);//<</script>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<input autofocus onfocus=alert(1)>',
  '- <details open ontoggle=alert(1)>\n- item',
  '1. <video><source onerror=alert(1)>',
  '\u0000<script>alert(1)</script>\uE0000\uE001',
  '[a](http://x.example/a\u0000b) <script>alert(1)</script>',
  '![img](https://x.example/a.png" onerror="alert(1))',
];

describe('renderMarkdown: XSS payloads come out as visible text', () => {
  it.each(PAYLOADS)('%s', (payload) => {
    for (const html of [renderMarkdown(payload), renderInlineMarkdown(payload)]) {
      assertSafe(html);
      expect(textOf(html)).toContain(payload.match(/alert|xss\.js|base64|msgbox/)?.[0]);
    }
  });

  it('any input whatsoever renders safely', () => {
    const alphabet = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '\n',
      ' ',
      '-',
      '1.',
      'a',
      'on',
      '=',
      'javascript:',
      'https://x',
      '#',
      ';',
      '\uE000',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')),
        (source) => {
          assertSafe(renderMarkdown(source));
          assertSafe(renderInlineMarkdown(source));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('is not fooled by non-string input', () => {
    expect(renderMarkdown(undefined)).toBe('');
    expect(renderMarkdown({ toString: () => '<script>' })).toBe('');
  });
});

describe('renderMarkdown: the subset teachers need', () => {
  it('paragraphs and line breaks', () => {
    expect(renderMarkdown('One\ntwo\n\nThree')).toBe('<p>One<br>\ntwo</p>\n<p>Three</p>');
  });

  it('bold, italic, code', () => {
    expect(renderMarkdown('**Newton**, *inertia*, _mass_, `F = m * a`, snake_case_name')).toBe(
      '<p><strong>Newton</strong>, <em>inertia</em>, <em>mass</em>, <code>F = m * a</code>, snake_case_name</p>',
    );
    expect(renderMarkdown('**bold *and italic* too**')).toBe('<p><strong>bold <em>and italic</em> too</strong></p>');
    expect(renderMarkdown('2 * 3 * 4 and a * b')).toBe('<p>2 * 3 * 4 and a * b</p>');
  });

  it('bullet and numbered lists', () => {
    expect(renderMarkdown('Steps:\n- one\n- **two**\n  more of two\n\n3. c\n4. d')).toBe(
      '<p>Steps:</p>\n<ul><li>one</li><li><strong>two</strong><br>\nmore of two</li></ul>\n<ol start="3"><li>c</li><li>d</li></ol>',
    );
  });

  it('links open outside, safely', () => {
    expect(renderMarkdown('[the *notes*](https://school.example/notes?a=1&b=2)')).toBe(
      '<p><a href="https://school.example/notes?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">the <em>notes</em></a></p>',
    );
    expect(renderInlineMarkdown('[mail me](mailto:teacher@school.example)')).toContain(
      'href="mailto:teacher@school.example"',
    );
    expect(renderInlineMarkdown('[relative](/etc/passwd)')).toBe('[relative](/etc/passwd)');
  });

  it('shows unsupported syntax as typed', () => {
    expect(renderMarkdown('# Title')).toBe('<p># Title</p>');
    expect(textOf(renderMarkdown('![alt](https://x.example/a.png) & <b>'))).toBe(
      '![alt](https://x.example/a.png) & <b>',
    );
  });

  it('safeHref accepts only absolute http(s) and mailto', () => {
    expect(safeHref('https://a.example')).toBe('https://a.example');
    for (const url of [
      'javascript:alert(1)',
      ' https://a.example',
      'https:/a',
      '//a.example',
      'java\tscript:x',
      'mailto:',
      'https://a\\b',
    ]) {
      expect(safeHref(url)).toBeNull();
    }
  });
});
