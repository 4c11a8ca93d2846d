import type { LaunchOptions } from '@playwright/test';
import { HEADLESS_CHROMIUM_ARGS } from '../src/shared/render/headlessChromium';

/** Debian's Chromium with the flags this machine needs (see ../shared/DESIGN.md, Tests). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `flipside render`'s flags (no GPU, nothing phoning home, no on-device AI benchmark), as root: without the sandbox. */
export const CHROMIUM_ARGS = ['--no-sandbox', ...HEADLESS_CHROMIUM_ARGS];

/**
 * Third-party cookies blocked, as Safari and Firefox do and Chrome lets users choose: the LTI specs' LMS pages frame the
 * class server from another site, and it must work without cookies there.
 */
export const THIRD_PARTY_COOKIES_BLOCKED = '--test-third-party-cookie-phaseout';

/**
 * Chromium's fake camera (1280x720, 20 fps) and microphone (48 kHz), and getDisplayMedia({ preferCurrentTab })
 * capturing the tab without a picker. Never add --use-fake-ui-for-media-stream: it breaks getDisplayMedia.
 */
export const FAKE_MEDIA_LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--auto-accept-this-tab-capture'],
};
