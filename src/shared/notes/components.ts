/**
 * What notes may contain besides Markdown: these components, each with the attributes it takes. Everything else an
 * MDX file can hold (JavaScript expressions, import/export, HTML or JSX elements of any other name, other attributes)
 * is refused at its line. Shared, so the editor can offer the same list the compiler enforces.
 */
export interface NoteComponent {
  readonly name: string;
  readonly attributes: Readonly<Record<string, { readonly required: boolean; readonly values?: readonly string[] }>>;
  /** May wrap Markdown (Callout) or a link text (KeyMoment, Download); the others are written self-closing. */
  readonly children: 'markdown' | 'text' | 'none';
  readonly example: string;
  readonly what: string;
}

export const NOTE_COMPONENTS: readonly NoteComponent[] = [
  {
    name: 'KeyMoment',
    attributes: { at: { required: true } },
    children: 'text',
    example: '<KeyMoment at="1:23">Where the cell divides</KeyMoment>',
    what: 'a link that plays the video from that time',
  },
  {
    name: 'Question',
    attributes: { id: { required: true } },
    children: 'none',
    example: '<Question id="1" />',
    what: 'shows a question’s text (by its number, or its id)',
  },
  {
    name: 'Figure',
    attributes: { src: { required: true }, alt: { required: true }, caption: { required: false } },
    children: 'none',
    example: '<Figure src="diagram.png" alt="A cell dividing in two" />',
    what: 'an image added to the lesson, with its description for learners who cannot see it',
  },
  {
    name: 'Formula',
    attributes: { tex: { required: false }, display: { required: false, values: ['block', 'inline'] } },
    children: 'text',
    example: '<Formula tex="E = mc^2" />',
    what: 'maths in TeX; use tex="…" when it has { } braces',
  },
  {
    name: 'Callout',
    attributes: { kind: { required: true, values: ['tip', 'warning'] } },
    children: 'markdown',
    example: '<Callout kind="tip">\n\nRemember the units.\n\n</Callout>',
    what: 'a highlighted tip or warning',
  },
  {
    name: 'Download',
    attributes: { file: { required: true } },
    children: 'text',
    example: '<Download file="worksheet.pdf">The worksheet</Download>',
    what: 'a file added to the lesson that learners can download',
  },
];

export const NOTE_COMPONENT_NAMES = NOTE_COMPONENTS.map((component) => component.name);
