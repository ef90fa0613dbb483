/**
 * The repository documents itself: every metric of the catalogue has its entry in
 * docs/metrics.md, no file points readers at documents kept outside the repository, and every
 * relative link of the README and docs/ leads to a file of the repository (and, for a link into a
 * Markdown file, to a heading that exists there).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { getMetric, METRIC_IDS } from '../../src/core/metrics';

const root = resolve(__dirname, '..', '..');

/** The repository's files as a clone has them: tracked ones and new ones that are not ignored. */
function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(root, file)));
}

/** Text files only: like git, a NUL byte in the first 8,000 bytes marks a binary file. */
function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8000).includes(0);
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as dashes. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (repeated headings get -1, -2… like on GitHub). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const match of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = headingSlug(match[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Targets of the inline links `[text](target)` of a Markdown text, fenced code left out. */
export function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...withoutCode.matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

const files = repositoryFiles();
const metricsDoc = readFileSync(join(root, 'docs', 'metrics.md'), 'utf8');

describe('docs/metrics.md', () => {
  it('has a section for every metric of the catalogue, headed by its id and label', () => {
    const headings = [...metricsDoc.matchAll(/^#{2,6}\s+(.+)$/gm)].map((m) => m[1]);
    const missing = METRIC_IDS.filter(
      (id) => !headings.some((h) => h.includes(`\`${id}\``) && h.includes(getMetric(id).label.en)),
    );
    expect(missing).toEqual([]);
  });

  it('lists every metric in the catalogue table', () => {
    const missing = METRIC_IDS.filter((id) => !metricsDoc.includes(`| \`${id}\` |`));
    expect(missing).toEqual([]);
  });
});

describe('the repository documents itself', () => {
  // Documents that are not part of the repository; their names are built here so that this file
  // does not mention them itself.
  const outside = ['SPEC', 'ARCHITECTURE'].map((name) => `${name}.md`);

  it('has files to check', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/metrics.md');
  });

  it('no text file points at documents outside the repository', () => {
    const mentions: string[] = [];
    for (const file of files) {
      if (file === 'package-lock.json' || file.endsWith('/package-lock.json')) continue;
      const bytes = readFileSync(join(root, file));
      if (!isText(bytes)) continue;
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const name of outside) if (line.includes(name)) mentions.push(`${file}:${i + 1}: ${name}`);
        });
    }
    expect(mentions).toEqual([]);
  });

  it('every relative link in README.md and docs/ leads to a file of the repository', () => {
    const inRepository = new Set(files);
    const isFolder = (path: string) => files.some((file) => file.startsWith(`${path}/`));
    const markdown = files.filter((file) => file === 'README.md' || /^docs\/.+\.md$/.test(file));
    expect(markdown.length).toBeGreaterThan(1);
    const broken: string[] = [];
    for (const file of markdown) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const target of linkTargets(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
        const [pathPart, anchor] = target.split('#');
        const absolute =
          pathPart === '' ? join(root, file) : resolve(root, dirname(file), decodeURI(pathPart));
        const path = relative(root, absolute).split(sep).join('/');
        if (path.startsWith('..') || !(inRepository.has(path) || isFolder(path))) {
          broken.push(`${file}: ${target} (no such file in the repository)`);
          continue;
        }
        if (anchor !== undefined && path.endsWith('.md') && inRepository.has(path)) {
          if (!anchorsOf(readFileSync(absolute, 'utf8')).has(anchor))
            broken.push(`${file}: ${target} (no heading with that anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the link and anchor readers', () => {
  it('make anchors the way GitHub does', () => {
    expect(headingSlug('The as-of day')).toBe('the-as-of-day');
    expect(headingSlug('`clv` — Customer lifetime value (historic)')).toBe(
      'clv--customer-lifetime-value-historic',
    );
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });

  it('read inline links outside code blocks', () => {
    expect(linkTargets('[a](docs/x.md) [b](https://e.org "t") <x>\n```\n[c](y.md)\n```')).toEqual([
      'docs/x.md',
      'https://e.org',
    ]);
  });
});
