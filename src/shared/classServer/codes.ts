import { z } from 'zod';

/** No 0/O, 1/I/L or U: a code read aloud or copied from a board is typed right the first time. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** A join code as a learner types it: spaces, dashes and case forgiven. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function isJoinCode(code: string): boolean {
  return new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(code);
}

/** A fresh code from random bytes (the server's crypto); rejection sampling keeps every letter equally likely. */
export function joinCodeFrom(randomBytes: (count: number) => Uint8Array): string {
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH)
        code += JOIN_CODE_ALPHABET.charAt(byte % JOIN_CODE_ALPHABET.length);
    }
  }
  return code;
}

export const LEARNER_NAME_MAX = 60;

/** What a learner types as their name: trimmed, inner spaces folded; no email, no account. */
export const learnerNameSchema = z
  .string()
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Type your name' })
      .max(LEARNER_NAME_MAX, { error: `A name is at most ${LEARNER_NAME_MAX} characters` }),
  );

/** Two names are the same learner in a class when they differ only in case, accents or spacing. */
export function learnerNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

export const classNameSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(
    z.string().min(1, { error: 'Give the class a name' }).max(100, { error: 'A class name is at most 100 characters' }),
  );
