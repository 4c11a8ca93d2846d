import { describe, expect, it } from 'vitest';
import { nextVersion, packageExtension, packageFileName } from './history';

describe('packageFileName', () => {
  it('names a package by its title, format and version, as a teacher would', () => {
    expect(packageFileName({ title: 'Forces and motion', format: 'scorm2004', version: '1.1' }, 'zip')).toBe(
      'Forces and motion (SCORM 2004, version 1.1).zip',
    );
    expect(packageFileName({ title: 'Forces and motion', format: 'web', version: '1.0' }, '')).toBe(
      'Forces and motion (Web folder, version 1.0)',
    );
  });

  it('gives a Common Cartridge the .imscc an LMS import looks for, every other package .zip', () => {
    const cartridge = { title: 'Unit 3', format: 'cc', version: '1.0' } as const;
    expect(packageFileName(cartridge, packageExtension(cartridge.format))).toBe(
      'Unit 3 (Common Cartridge, version 1.0).imscc',
    );
    expect(packageExtension('scorm12')).toBe('zip');
  });

  it('keeps the name one every operating system accepts', () => {
    expect(packageFileName({ title: 'Forces: <push/pull>?', format: 'cmi5', version: '2' }, 'zip')).toBe(
      'Forces push pull (cmi5, version 2).zip',
    );
  });
});

describe('nextVersion', () => {
  it('raises the last number of the version', () => {
    expect(nextVersion('1.0')).toBe('1.1');
    expect(nextVersion('1.9')).toBe('1.10');
    expect(nextVersion('2')).toBe('3');
    expect(nextVersion('2.0-beta1')).toBe('2.0-beta2');
    expect(nextVersion('v1.2 draft')).toBe('v1.3 draft');
  });

  it('offers a version with no number again as it was', () => {
    expect(nextVersion('final')).toBe('final');
  });
});
