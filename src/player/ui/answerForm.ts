import { RESPONSE_TEXT_MAX, type CheckpointResponse } from '@shared/checkpoints';
import type { PlayerCheckpoint } from '../core/session';
import { h, setInlineMarkdown, uid } from './dom';

export interface AnswerForm {
  readonly element: HTMLFieldSetElement;
  response(): CheckpointResponse;
  setDisabled(disabled: boolean): void;
  /** Where an answer starts: the chosen option, else the first input. */
  start(): HTMLInputElement | undefined;
}

/** The input each question type needs; its labels come from the teacher's text through the Markdown renderer only. */
export function createAnswerForm(checkpoint: PlayerCheckpoint, previous: CheckpointResponse | null): AnswerForm {
  const name = uid('answer');
  const fieldset = h('fieldset', { class: 'fs-answer' });
  const inputs: HTMLInputElement[] = [];
  const option = (type: 'radio' | 'checkbox', value: string, checked: boolean, label: (span: HTMLElement) => void) => {
    const input = h('input', { type, name, value, checked });
    const span = h('span', { class: 'fs-option-text' });
    label(span);
    inputs.push(input);
    return h('label', { class: 'fs-option' }, input, span);
  };
  const instruction = (text: string) => h('legend', { class: 'fs-legend', text });

  switch (checkpoint.type) {
    case 'single':
    case 'multiple': {
      const multiple = checkpoint.type === 'multiple';
      const chosen = new Set(
        previous?.type === 'single' ? [previous.choiceId] : previous?.type === 'multiple' ? previous.choiceIds : [],
      );
      fieldset.append(instruction(multiple ? 'Choose all that apply' : 'Choose one answer'));
      for (const choice of checkpoint.choices) {
        fieldset.append(
          option(multiple ? 'checkbox' : 'radio', choice.id, chosen.has(choice.id), (span) =>
            setInlineMarkdown(span, choice.text),
          ),
        );
      }
      break;
    }
    case 'trueFalse': {
      const was = previous?.type === 'trueFalse' ? previous.value : null;
      fieldset.append(instruction('True or false?'));
      fieldset.append(option('radio', 'true', was === true, (span) => (span.textContent = 'True')));
      fieldset.append(option('radio', 'false', was === false, (span) => (span.textContent = 'False')));
      break;
    }
    case 'shortAnswer':
    case 'numeric': {
      const numeric = checkpoint.type === 'numeric';
      const id = uid('text');
      const text = previous?.type === 'shortAnswer' || previous?.type === 'numeric' ? previous.text : '';
      const input = h('input', {
        id,
        type: 'text',
        class: 'fs-text-input',
        value: text,
        maxlength: RESPONSE_TEXT_MAX,
        autocomplete: 'off',
        autocapitalize: 'off',
        spellcheck: 'false',
        inputmode: numeric ? 'decimal' : undefined,
      });
      inputs.push(input);
      fieldset.append(
        instruction(numeric ? 'Your answer (a number)' : 'Your answer'),
        h('label', { class: 'fs-sr', for: id, text: numeric ? 'Your answer, a number' : 'Your answer' }),
        input,
      );
      break;
    }
  }

  return {
    element: fieldset,
    response() {
      const checked = inputs.filter((input) => input.checked).map((input) => input.value);
      switch (checkpoint.type) {
        case 'single':
          return { type: 'single', choiceId: checked[0] ?? '' };
        case 'multiple':
          return { type: 'multiple', choiceIds: checked };
        case 'trueFalse':
          // No choice yet reads as not answerable rather than as "false".
          return checked.length === 0
            ? { type: 'single', choiceId: '' }
            : { type: 'trueFalse', value: checked[0] === 'true' };
        case 'shortAnswer':
        case 'numeric':
          return { type: checkpoint.type, text: inputs[0]?.value ?? '' };
      }
    },
    setDisabled(disabled) {
      fieldset.disabled = disabled;
    },
    start() {
      return inputs.find((input) => input.checked) ?? inputs[0];
    },
  };
}
