/**
 * `npm run demo`: opens Chromium with the built extension, a demo person set up, and the local
 * fixture copies of the supported sites, so anyone can watch the shield work. Every request to
 * those sites is answered by the fixtures; nothing reaches the real sites. Without a display it
 * says so and renders the screenshots instead.
 */
import { join, resolve } from 'node:path';
import { chromiumContext } from '../e2e/harness';
import { fixtureServer } from '../e2e/sites';
import { SITE_FIXTURES } from '../fixtures';
import { extensionId, setUpDemoPerson } from './demo-person';
import { takeScreenshots } from './screenshots';

const EXTENSION = join(resolve(import.meta.dirname, '../..'), process.env.CLEAN_BREAK_OUT ?? '.output', 'chrome-mv3');

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the demo cannot open a window.');
  console.log('Rendering the screenshots instead, into docs/screenshots/.');
  process.exitCode = (await takeScreenshots()) ? 0 : 1;
} else {
  const browsing = await chromiumContext(EXTENSION, fixtureServer(), { headless: false, developerMode: true });
  const id = await extensionId(browsing.context);
  await setUpDemoPerson(browsing.context, id);
  // One tab per site, on its home page, then their Instagram profile to show the pause.
  for (const site of SITE_FIXTURES) {
    const home = site.pages.find((page) => !page.shield);
    if (home) await (await browsing.newPage()).goto(home.url, { waitUntil: 'domcontentloaded' });
  }
  const profile = SITE_FIXTURES.find((site) => site.site === 'instagram')!.pages.find((page) => page.shield === 'profile')!;
  await (await browsing.newPage()).goto(profile.url, { waitUntil: 'domcontentloaded' });
  await (await browsing.newPage()).goto(`chrome-extension://${id}/popup.html`);
  console.log(`Clean Break is running with a demo person, ${SITE_FIXTURES.length} sites and their profile open. Close the window to end.`);
  await new Promise((closed) => browsing.context.on('close', closed));
  await browsing.close();
}
