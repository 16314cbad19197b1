import { createHash } from 'node:crypto';
import { DHCP6_OPTIONS } from '../../protocol/index.js';
import { API_JS } from './client/api.js';
import { DOM_JS } from './client/dom.js';
import { FORMAT_JS } from './client/format.js';
import { MAIN_JS } from './client/main.js';
import { MESSAGE_JS } from './client/message.js';
import { SEARCH_JS } from './client/search.js';
import { VIEWS_JS } from './client/views.js';
import { ICON_SVG, PAGE_HTML } from './page.js';
import { STYLE_CSS } from './style.js';

export interface Asset {
  readonly body: string;
  readonly type: string;
  /** Strong validator so reloads cost a 304. */
  readonly etag: string;
}

/** Option code → name, from the same table the codec uses, so ORO lists read as names. */
function optionNamesJs(): string {
  const names: Record<number, string> = {};
  for (const d of DHCP6_OPTIONS) names[d.code] = d.name;
  return `const OPTION_NAMES = ${JSON.stringify(names)};\n`;
}

/** The whole script: one closure, so nothing leaks onto window. */
export function appScript(): string {
  return ['(function () {', "'use strict';", optionNamesJs(), DOM_JS, FORMAT_JS, API_JS, SEARCH_JS, MESSAGE_JS, VIEWS_JS, MAIN_JS, '})();', ''].join('\n');
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** File name under /looking-glass/ → content. Built once per process. */
export function buildAssets(): ReadonlyMap<string, Asset> {
  return new Map([
    ['', asset(PAGE_HTML, 'text/html; charset=utf-8')],
    ['app.js', asset(appScript(), 'text/javascript; charset=utf-8')],
    ['app.css', asset(STYLE_CSS, 'text/css; charset=utf-8')],
    ['icon.svg', asset(ICON_SVG, 'image/svg+xml')],
  ]);
}
