// The site in a real browser: Debian's chromium, driven by playwright-core (which downloads no
// browser), the site served from 127.0.0.1. Every request to anywhere else is stopped and fails
// the test that made it, as does any error in the browser's console (a CSP violation included).
// Without chromium these tests are skipped, saying so, except in CI (REQUIRE_BROWSER=1 or CI=true),
// where they fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { browserRequired, buildSite, hasBrowser, launchBrowser, serve, type Served } from './helpers.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VERDICT = '/eu/instagram/photos/public/adult/';

const skip = !hasBrowser && !browserRequired;
if (skip) console.warn('Skipping the browser tests: /usr/bin/chromium is missing. Install it with `apt-get install chromium` (CI does, and fails without it).');

describe.skipIf(skip)('the site in a real browser', { timeout: 120_000 }, () => {
  let browser: Browser;
  let site: Served;
  let hostile: Served;
  /** Requests to anywhere but the local servers, console errors and dialogs: each test must leave these empty. */
  let outside: string[] = [];
  let errors: string[] = [];
  let dialogs: string[] = [];

  beforeAll(async () => {
    site = await serve(buildSite().dir);
    hostile = await serve(buildSite(['--tree', 'tests/fixtures/hostile/markup.yaml']).dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hostile?.close();
  });
  afterEach(() => {
    const left = { outside, errors, dialogs };
    outside = [];
    errors = [];
    dialogs = [];
    expect(left).toEqual({ outside: [], errors: [], dialogs: [] });
  });

  async function open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${site.origin}/`) || url.startsWith(`${hostile.origin}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}`));
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  const h1 = (page: Page) => page.locator('h1').innerText();
  const path = (page: Page) => new URL(page.url()).pathname;

  it('goes from the index to a verdict by clicking, with JavaScript off; Back and Change go where they say', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Start now' }).click();
    expect(await h1(page)).toBe('Where do you live?');
    for (const name of [/^EU or EEA/, 'Instagram', 'Photos and videos', 'Public', '18 or older']) {
      await page.getByRole('link', { name, exact: typeof name === 'string' }).click();
    }
    expect(path(page)).toBe(VERDICT);
    const json = JSON.parse(await (await page.request.get(`${site.origin}${VERDICT}answer.json`)).text());
    expect(await h1(page)).toBe(json.verdict.title);
    await page.goBack();
    expect([path(page), await h1(page)]).toEqual(['/eu/instagram/photos/public/', 'How old is the account holder?']);
    await page.getByRole('link', { name: 'Change your answer to “Which Meta app or product is it about?”' }).click();
    expect([path(page), await h1(page)]).toEqual(['/eu/', 'Which Meta app or product is it about?']);
    await page.context().close();
  });

  it('goes from the German index to a German verdict by clicking, with JavaScript off; Back and Change (Zurück, Ändern) go where they say', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${site.url}de/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.getByRole('link', { name: 'Jetzt starten' }).click();
    expect([path(page), await h1(page)]).toEqual(['/de/start.html', 'Wo wohnst du?']);
    for (const name of [/^EU oder EWR/, 'Instagram', 'Fotos und Videos', 'Öffentlich', '18 oder älter']) {
      await page.getByRole('link', { name, exact: typeof name === 'string' }).click();
    }
    expect(path(page)).toBe(`/de${VERDICT}`);
    const json = JSON.parse(await (await page.request.get(`${site.origin}/de${VERDICT}answer.json`)).text());
    expect(json.lang).toBe('de');
    expect(await h1(page)).toBe(json.verdict.title);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining(['Was du tun kannst', 'Zu beachten', 'Quellen', 'Deine Antworten']));
    await page.getByRole('link', { name: 'Zurück' }).click();
    expect([path(page), await h1(page)]).toEqual(['/de/eu/instagram/photos/public/', 'Wie alt ist die Person, der das Konto gehört?']);
    await page.getByRole('link', { name: 'Ändern (deine Antwort auf „Um welche App oder welches Produkt von Meta geht es?“)' }).click();
    expect([path(page), await h1(page)]).toEqual(['/de/eu/', 'Um welche App oder welches Produkt von Meta geht es?']);
    await page.context().close();
  });

  it('switches between the languages on the same page, by mouse and by keyboard, the link named in its own language', async () => {
    const page = await open();
    await page.goto(`${site.url}${VERDICT.slice(1)}`);
    const english = await h1(page);
    const switchTo = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' });
    expect([await switchTo.getAttribute('hreflang'), await switchTo.getAttribute('lang')]).toEqual(['de', 'de']);
    await switchTo.click();
    expect([path(page), await page.locator('html').getAttribute('lang')]).toEqual([`/de${VERDICT}`, 'de']);
    expect(await h1(page)).not.toBe(english);
    // The current language is named, not linked.
    expect(await page.getByRole('navigation', { name: 'Sprache' }).locator('[aria-current="true"]').innerText()).toBe('Deutsch');
    // By keyboard: the skip link, the site's name, then the switch, its focus showing.
    for (const _ of [1, 2, 3]) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.innerText, lang: element.lang, background: getComputedStyle(element).backgroundColor };
    });
    expect(focused).toEqual({ text: 'English', lang: 'en', background: 'rgb(255, 221, 0)' });
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await page.waitForLoadState();
    expect([path(page), await h1(page)]).toEqual([VERDICT, english]);
    await page.context().close();
  });

  it('goes from the index to a verdict by keyboard alone (Tab and Enter), with the focus always visible', async () => {
    const page = await open();
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      if (element === document.body) return { text: '', background: 'none: the page has the focus', width: 0 };
      const style = getComputedStyle(element);
      return { text: element.innerText.trim(), background: style.backgroundColor, width: element.getBoundingClientRect().width };
    });
    expect(await focused()).toMatchObject({ text: 'Skip to main content', background: 'rgb(255, 221, 0)' });
    /** Tabs to the link that starts with `text`, checking that each stop shows its focus, then presses Enter. */
    const follow = async (text: string) => {
      for (let presses = 0; presses < 40; presses++) {
        const now = await focused();
        expect(now.background, now.text).toBe('rgb(255, 221, 0)');
        expect(now.width).toBeGreaterThan(0);
        if (now.text.startsWith(text)) {
          await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
          await page.waitForLoadState();
          return;
        }
        await page.keyboard.press('Tab');
      }
      throw new Error(`no "${text}" within 40 presses of Tab on ${page.url()}`);
    };
    for (const text of ['Start now', 'EU or EEA', 'Instagram', 'Photos and videos', 'Public', '18 or older']) {
      await follow(text);
      await page.keyboard.press('Tab');
    }
    expect(path(page)).toBe(VERDICT);
    await page.context().close();
  });

  it('makes a plan with JavaScript on: the same plan, and the same Markdown checklist to download, as `optout-check plan`', async () => {
    const page = await open();
    await page.goto(`${site.url}plan.html`);
    expect(await page.locator('#plan-no-script').isHidden()).toBe(true);
    const answers: Record<string, string[]> = { region: ['eu'], platform: ['facebook', 'instagram'], content: ['posts', 'messages'], visibility: ['public'], age: ['adult'] };
    const asked: string[] = [];
    while (await page.locator('form.plan-question').count()) {
      const key = (await page.locator('form.plan-question').getAttribute('data-key'))!;
      asked.push(key);
      // Continue with nothing ticked says what is needed, and moves the focus to the question.
      if (asked.length === 1) {
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect.poll(() => page.locator('#plan-error').innerText()).toContain('Choose at least one answer.');
      }
      for (const value of answers[key]!) await page.locator(`input[value="${value}"]`).check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    expect(asked).toEqual(['region', 'platform', 'content', 'visibility', 'age']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-result');

    const flags = Object.entries(answers).flatMap(([key, values]) => [`--${key}`, values.join(',')]);
    const cli = JSON.parse(run(['plan', ...flags, '--json']).stdout);
    const headings = await page.locator('#plan-app h4').allInnerTexts();
    expect(headings).toEqual(cli.plan.flatMap((s: { verdicts: { title: string; outcome: string }[] }) => s.verdicts.map((v) => `${v.title} ${v.outcome}`)));
    expect(await page.locator('#plan-app .plan-steps > li:not(.same)').count()).toBe(
      cli.plan.flatMap((s: { verdicts: { steps: { number?: number }[] }[] }) => s.verdicts.flatMap((v) => v.steps.filter((step) => step.number))).length,
    );
    expect(await page.locator('#plan-app code').innerText()).toBe(`optout-check plan ${flags.join(' ')}`);
    // A step that names its app first gets no "Only for" before it, as in the terminal's plan.
    const steps = await page.locator('#plan-app .plan-steps > li:not(.same)').allInnerTexts();
    expect(steps.filter((step) => /^\d+\. Facebook: Settings & privacy/.test(step))).toHaveLength(1);
    expect(steps.filter((step) => /Only for ([^:]+): \1:/.test(step))).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the plan as a Markdown checklist' }).click()]);
    expect(download.suggestedFilename()).toBe('plan.md');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(run(['plan', ...flags, '--format', 'markdown']).stdout);

    // Change takes back that answer and every later one.
    await page.getByRole('button', { name: 'Change your answer to “What content are you asking about?”' }).click();
    expect(await page.locator('form.plan-question').getAttribute('data-key')).toBe('content');
    expect(await page.locator('input:checked').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['posts', 'messages']);
    await page.context().close();
  });

  it('makes a plan in German with JavaScript on: German words, the German tree, and the Markdown checklist of `optout-check plan --lang de`', async () => {
    const page = await open();
    await page.goto(`${site.url}de/plan.html`);
    expect(await page.locator('#plan-no-script').isHidden()).toBe(true);
    const answers: Record<string, string[]> = { region: ['eu'], platform: ['facebook', 'instagram'], content: ['posts', 'messages'], visibility: ['public'], age: ['adult'] };
    while (await page.locator('form.plan-question').count()) {
      const key = (await page.locator('form.plan-question').getAttribute('data-key'))!;
      if (key === 'region') {
        expect(await page.locator('legend').innerText()).toBe('Wo wohnst du?');
        await page.getByRole('button', { name: 'Weiter' }).click();
        await expect.poll(() => page.locator('#plan-error').textContent()).toBe('Fehler: Wähle mindestens eine Antwort aus.');
      }
      for (const value of answers[key]!) await page.locator(`input[value="${value}"]`).check();
      await page.getByRole('button', { name: 'Weiter' }).click();
    }
    const flags = Object.entries(answers).flatMap(([key, values]) => [`--${key}`, values.join(',')]);
    const cli = JSON.parse(run(['plan', '--lang', 'de', ...flags, '--json']).stdout);
    expect(cli.lang).toBe('de');
    expect(await page.locator('#plan-app h4').allInnerTexts()).toEqual(cli.plan.flatMap((s: { verdicts: { title: string; outcome: string }[] }) => s.verdicts.map((v) => `${v.title} ${v.outcome}`)));
    expect(await page.locator('#plan-result').innerText()).toBe('Dein Plan: Opt-out aus Metas KI-Training');
    expect(await page.locator('#plan-app code').innerText()).toBe(`optout-check plan --lang de ${flags.join(' ')}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Den Plan als Checkliste in Markdown herunterladen' }).click()]);
    // The same checklist; its command line names the language, as the page's does.
    const markdown = run(['plan', '--lang', 'de', ...flags, '--format', 'markdown']).stdout;
    expect(markdown).toContain('`optout-check plan --region eu');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(markdown.replace('`optout-check plan --region eu', '`optout-check plan --lang de --region eu'));
    await page.getByRole('button', { name: 'Ändern (deine Antwort auf „Um welche Inhalte geht es?“)' }).click();
    expect(await page.locator('form.plan-question').getAttribute('data-key')).toBe('content');
    await page.context().close();
  });

  it('takes the answers so far from the question page that links to the plan', async () => {
    const page = await open();
    await page.goto(`${site.url}eu/`);
    await page.getByRole('link', { name: 'Make one plan for all of them' }).click();
    expect(path(page)).toBe('/plan.html');
    expect(await page.locator('form.plan-question').getAttribute('data-key')).toBe('platform');
    expect(await page.locator('.your-answers dd').first().innerText()).toBe('EU or EEA');
    await page.context().close();
  });

  it('says on the plan page, with JavaScript off, what it needs and where the single answers are', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${site.url}plan.html`);
    expect(await page.locator('#plan-no-script').innerText()).toContain('This page needs JavaScript');
    expect(await page.locator('#plan-app').isHidden()).toBe(true);
    await page.getByRole('link', { name: 'Start with the first question' }).click();
    expect(path(page)).toBe('/start.html');
    await page.context().close();
  });

  it('loads nothing but its own files from the local server, and stops (and reports) any other request', async () => {
    const page = await open();
    const loads = async (at: string) => {
      site.requests.length = 0;
      await page.goto(`${site.url}${at}`);
      await page.waitForLoadState('networkidle');
      return [...new Set(site.requests)].sort();
    };
    const own = ['/favicon.svg', '/site.css'];
    expect(own).toEqual(expect.arrayContaining((await loads('')).filter((r) => r !== '/')));
    expect(own).toEqual(expect.arrayContaining((await loads(VERDICT.slice(1))).filter((r) => r !== VERDICT)));
    expect(own).toEqual(expect.arrayContaining((await loads('sources.html')).filter((r) => r !== '/sources.html')));
    expect([...own, '/plan.js']).toEqual(expect.arrayContaining((await loads('plan.html')).filter((r) => r !== '/plan.html')));
    expect(await loads('plan.html')).toContain('/plan.js');
    await page.context().close();
    // The check can fail: a request that the page's own policy would block is let through here, and
    // is caught. It goes to another origin on this machine (a port nothing serves), never the web.
    const planted = await open({ bypassCSP: true });
    await planted.goto(`${site.url}start.html`);
    await planted.evaluate(() => fetch('http://127.0.0.1:9/tracker').catch(() => undefined));
    expect(outside).toEqual(['http://127.0.0.1:9/tracker']);
    expect(errors).toEqual([`${site.url}start.html: Failed to load resource: net::ERR_FAILED`]);
    outside = [];
    errors = [];
    await planted.context().close();
  });

  it('lets the Content-Security-Policy run the site\'s own script file and nothing else', async () => {
    const page = await open();
    await page.goto(`${site.url}plan.html`);
    expect(await page.locator('#plan-app').isVisible()).toBe(true);
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'document.title = "ran"';
      document.body.append(inline);
    });
    expect(await page.title()).not.toBe('ran');
    expect(errors.join('\n')).toContain('Content Security Policy');
    errors = [];
    await page.context().close();
  });

  it('has no WCAG 2.x A or AA violation (axe-core): index, question, verdict, sources, plan (empty and made), in English and German, light and dark', async () => {
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as a script of its own, which the site's policy would refuse.
      const page = await open({ bypassCSP: true, colorScheme });
      const scan = async (name: string) => {
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate((tags) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
        for (const v of result.violations) violations.push(`${colorScheme} ${name}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      for (const at of ['de/', 'de/start.html', 'de/eu/instagram/', `de${VERDICT}`, '', 'start.html', 'eu/instagram/', VERDICT.slice(1), 'sources.html', 'plan.html']) {
        await page.goto(`${site.url}${at}`);
        // Passages behind a closed <details> are not seen, so their colours would go unchecked.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        await scan(at || 'index');
      }
      for (const [key, values] of [['region', ['us']], ['platform', ['facebook']], ['content', ['posts']], ['visibility', ['public']]] as const) {
        expect(await page.locator('form.plan-question').getAttribute('data-key')).toBe(key);
        for (const value of values) await page.locator(`input[value="${value}"]`).check();
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      await page.locator('#plan-result').waitFor();
      await scan('plan, made');
      await page.context().close();
    }
    expect(violations).toEqual([]);
  });

  it('fits 320 CSS pixels (and 640, a 1280-pixel window at 200 % zoom) without scrolling sideways, in English and in German (longer words)', async () => {
    for (const width of [320, 640]) {
      const page = await open({ viewport: { width, height: 800 } });
      for (const at of ['', 'start.html', VERDICT.slice(1), 'sources.html', 'plan.html', 'de/', 'de/eu/', `de${VERDICT}`, 'de/sources.html']) {
        await page.goto(`${site.url}${at}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px: /${at}`).toBeLessThanOrEqual(width);
      }
      await page.context().close();
    }
  });

  it('prints every step and every quoted passage, with <details> open and the links to click left out', async () => {
    const page = await open();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site.url}sources.html`);
    const passage = page.locator('details blockquote').first();
    expect(await passage.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await passage.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site.url}${VERDICT.slice(1)}`);
    expect(await page.locator('.steps > li').evaluateAll((items) => items.every((item) => (item as HTMLElement).offsetHeight > 0))).toBe(true);
    expect(await page.locator('.back-link').isHidden()).toBe(true);
    await page.context().close();
  });

  it('shows a hostile tree\'s text as text on every page, the plan included: no script runs, no element is added', async () => {
    const page = await open();
    for (const at of ['', 'start.html', 'eu/', 'eu/a/', 'sources.html']) {
      await page.goto(`${hostile.url}${at}`);
      expect(await page.locator('img, iframe, svg, style, b, i, u, script').count(), at).toBe(0);
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs.filter((href) => !/^https?:/.test(href)), at).toEqual([]);
    }
    await page.goto(`${hostile.url}eu/a/`);
    expect(await h1(page)).toBe("Object <script>alert('verdict')</script>");
    expect(await page.locator('.sources li').innerText()).toContain('Publisher \\x1b]0;pwned\\x07');
    await page.goto(`${hostile.url}plan.html`);
    await page.locator('input[value="eu"]').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('legend').innerText()).toBe('App &amp; <u>more</u>?');
    for (const value of ['a', 'b']) await page.locator(`input[value="${value}"]`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#plan-result').waitFor();
    expect(await page.locator('#plan-app h4').innerText()).toBe("Object <script>alert('verdict')</script> opt-out");
    expect(await page.locator('#plan-app').innerText()).toContain('Caveat <svg onload=alert(\'caveat\')>');
    expect(await page.locator('#plan-app img, #plan-app svg, #plan-app iframe, #plan-app script, #plan-app style').count()).toBe(0);
    await page.context().close();
  });
});
