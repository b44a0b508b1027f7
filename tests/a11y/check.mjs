// The accessibility and layout check of pl's HTML pages (tests/a11y/README):
// each page given is loaded from its file in ONE headless Chromium (Debian's,
// through puppeteer-core) at a phone's width (390 px) and a desktop's (1,280
// px); at each, axe-core runs its WCAG 2.1 A and AA rules and a few of its
// best practices (headings in order, landmarks), nothing may be wider than
// the screen, and every <img> must have an alt attribute; then the page is
// printed on A4, which must give a PDF with pages in it and nothing cut off
// at the paper's edge.
//
// Usage: node check.mjs [--screenshots DIR] PAGE.html...
// Prints one line per page and violation, "PAGE: RULE (IMPACT) TARGET: HELP
// [WIDTHS]", then "N pages, N violations"; exits 1 when there is any, 2 when
// it could not check (a page that does not load, no browser).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'),
    'utf8');

// A phone (an iPhone 12 to 15 in CSS px) and a desktop.
const VIEWPORTS = [
	{ width: 390, height: 844 },
	{ width: 1280, height: 900 },
];
// Best practices that are not WCAG criteria but that a reader with a screen
// reader relies on to move through a page: headings that go down one level
// at a time, one main landmark, all content inside a landmark, nothing
// said twice (an image's alt that the link around it says again).
const BEST_PRACTICES = [
	'heading-order', 'page-has-heading-one', 'empty-heading',
	'landmark-one-main', 'landmark-no-duplicate-main',
	'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo',
	'landmark-banner-is-top-level', 'landmark-contentinfo-is-top-level',
	'landmark-main-is-top-level', 'landmark-complementary-is-top-level',
	'landmark-unique', 'region', 'empty-table-header', 'image-redundant-alt',
];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The width a page is laid out at on paper, in CSS px (96 an inch): A4
// less margins of 15 mm, wider than Chromium's own (10 mm) and pl's
// (12 mm), so that a page fits whatever margins the printer adds.
const A4_PRINT_WIDTH = Math.floor((210 - 2 * 15) / 25.4 * 96);

function usage() {
	process.stderr.write(
	    'usage: check.mjs [--screenshots DIR] PAGE.html...\n');
	process.exit(2);
}

function parseArgs(argv) {
	const opts = { shots: null, pages: [] };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--screenshots' && i + 1 < argv.length)
			opts.shots = argv[++i];
		else if (argv[i] === '--')
			opts.pages.push(...argv.slice(i + 1)), i = argv.length;
		else if (argv[i].startsWith('-'))
			usage();
		else
			opts.pages.push(argv[i]);
	}
	if (opts.pages.length === 0)
		usage();
	return opts;
}

// What runs in the page at one width: axe, then what axe does not check.
async function checkWidth(page, rules) {
	await page.evaluate(axeSource);
	const found = await page.evaluate(async (rules) => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'rule', values: rules },
			resultTypes: ['violations'],
		});
		const out = [];
		for (const v of r.violations)
			for (const n of v.nodes)
				out.push({ rule: v.id, impact: n.impact || v.impact,
				    target: n.target.join(' '), help: v.help });
		const se = document.scrollingElement;
		if (se.scrollWidth > window.innerWidth)
			out.push({ rule: 'overflow-x', impact: 'serious',
			    target: 'html', help: 'the page is ' + se.scrollWidth +
			    ' px wide, wider than the screen: it scrolls sideways' });
		for (const img of document.querySelectorAll('img:not([alt])'))
			out.push({ rule: 'img-alt-attr', impact: 'critical',
			    target: img.src.startsWith('data:') ? 'img' :
			    'img[src="' + img.getAttribute('src') + '"]',
			    help: 'an <img> without an alt attribute' });
		return out;
	}, rules);
	return found;
}

// On paper a box that scrolls on screen cuts what it holds, and what is
// wider than the paper is cut at its edge: lay the page out in print media
// at the paper's width and name both.
async function checkPrint(page) {
	await page.emulateMediaType('print');
	await page.setViewport({ width: A4_PRINT_WIDTH, height: 1123 });
	const found = await page.evaluate(() => {
		const out = [];
		const se = document.scrollingElement;
		if (se.scrollWidth > window.innerWidth)
			out.push({ rule: 'print-overflow', impact: 'serious',
			    target: 'html', help: 'on A4 the page is ' +
			    se.scrollWidth + ' px wide, wider than the paper (' +
			    window.innerWidth + ' px): its right side is cut' });
		for (const el of document.body.querySelectorAll('*')) {
			const s = getComputedStyle(el);
			// Hidden, drawn, or there for a screen reader
			// alone (clipped to 1 px on purpose).
			if (s.display === 'none' || el.closest('svg') ||
			    s.clip !== 'auto' || el.clientWidth <= 1)
				continue;
			if (s.overflowX !== 'visible' &&
			    el.scrollWidth > el.clientWidth + 1)
				out.push({ rule: 'print-clipped', impact: 'serious',
				    target: el.tagName.toLowerCase() +
				    (el.id ? '#' + el.id : '') +
				    (el.className && typeof el.className ===
				    'string' ? '.' + el.className.trim()
				    .split(/\s+/).join('.') : ''),
				    help: 'on A4 this box holds ' + el.scrollWidth +
				    ' px in ' + el.clientWidth + ' px: the rest is cut' });
		}
		return out;
	});
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const pages = (Buffer.from(pdf).toString('latin1')
	    .match(/\/Type\s*\/Page[^s]/g) || []).length;
	if (pdf.length === 0 || pages === 0)
		found.push({ rule: 'print-empty', impact: 'serious', target: 'html',
		    help: 'printing on A4 made no page' });
	await page.emulateMediaType(null);
	return found;
}

// The screenshot's name: the page's path with its folders in it, so that
// two index.html do not meet.
function shotName(dir, file, width) {
	const rel = path.relative(process.cwd(), path.resolve(file))
	    .replace(/\.html?$/, '').replace(/^(\.\.\/)+/, '')
	    .replace(/[/\\]/g, '-');
	return path.join(dir, rel + '-' + width + '.png');
}

async function checkPage(page, file, rules, shots) {
	const url = 'file://' + path.resolve(file);
	const seen = new Map();
	const add = (v, where) => {
		const key = v.rule + '\0' + v.target;
		if (!seen.has(key))
			seen.set(key, { ...v, where: [] });
		const w = seen.get(key).where;
		if (!w.includes(where))
			w.push(where);
	};
	for (const vp of VIEWPORTS) {
		await page.setViewport(vp);
		const res = await page.goto(url, { waitUntil: 'load' });
		if (!res || !res.ok())
			throw new Error(file + ': did not load');
		for (const v of await checkWidth(page, rules))
			add(v, vp.width);
		if (shots)
			await page.screenshot({ fullPage: true,
			    path: shotName(shots, file, vp.width) });
	}
	for (const v of await checkPrint(page))
		add(v, 'A4');
	return [...seen.values()];
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	for (const file of opts.pages)
		if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
			console.error(`check.mjs: ${file}: no such file`);
			process.exit(2);
		}
	if (opts.shots)
		fs.mkdirSync(opts.shots, { recursive: true });
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		// A busy machine (the suite runs two tests a core) is slow,
		// not broken: minutes rather than puppeteer's 30 s.
		timeout: 180000,
		protocolTimeout: 300000,
		args: [
			// Chromium's sandbox will not run as root.
			...(process.getuid && process.getuid() === 0 ?
			    ['--no-sandbox'] : []),
			'--disable-gpu', '--hide-scrollbars', '--no-first-run',
			'--no-default-browser-check', '--font-render-hinting=none',
		],
	});
	let total = 0, status = 0;
	try {
		const page = await browser.newPage();
		page.setDefaultTimeout(180000);
		// The pages are files: nothing from the network may be asked
		// for (a page that does is a violation), nor wait for.
		const external = [];
		await page.setRequestInterception(true);
		page.on('request', (req) => {
			const u = req.url();
			if (u.startsWith('file:') || u.startsWith('data:'))
				return req.continue();
			external.push(u);
			return req.abort();
		});
		// pl's pages forbid scripts (Content-Security-Policy): axe is
		// put in by the browser, not by the page.
		await page.setBypassCSP(true);
		await page.evaluate(axeSource);
		const rules = await page.evaluate((tags, extra) =>
		    window.axe.getRules(tags).filter((r) =>
		    !r.tags.includes('experimental') &&
		    !r.tags.includes('deprecated')).map((r) => r.ruleId)
		    .concat(extra), WCAG_TAGS, BEST_PRACTICES);
		for (const file of opts.pages) {
			external.length = 0;
			const found = await checkPage(page, file, rules,
			    opts.shots);
			for (const u of new Set(external))
				found.push({ rule: 'external-request',
				    impact: 'serious', target: u, where: [],
				    help: 'the page asks for a file from elsewhere' });
			for (const v of found) {
				const where = v.where.length ?
				    ' [' + v.where.join(' ') + ']' : '';
				console.log(`${file}: ${v.rule} (${v.impact}) ` +
				    `${v.target}: ${v.help}${where}`);
			}
			total += found.length;
		}
	} catch (e) {
		console.error('check.mjs: ' + e.message);
		status = 2;
	} finally {
		await browser.close();
	}
	if (status)
		process.exit(status);
	console.log(`${opts.pages.length} page${opts.pages.length === 1 ?
	    '' : 's'}, ${total} violation${total === 1 ? '' : 's'}`);
	process.exit(total ? 1 : 0);
}

main().catch((e) => {
	console.error('check.mjs: ' + e.message);
	process.exit(2);
});
