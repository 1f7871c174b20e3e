import { normaliseColumnName } from '../../customer/fieldCatalog';
import { JD } from './jd';
import type { PlatformId, PlatformPreset } from './platformPreset';
import { POS } from './pos';
import { SHOPIFY } from './shopify';
import { TAOBAO } from './taobao';
import { WOO_COMMERCE } from './wooCommerce';
import { YOUZAN } from './youzan';

export const PLATFORM_PRESETS: readonly PlatformPreset[] = [SHOPIFY, WOO_COMMERCE, YOUZAN, TAOBAO, JD, POS];

export function platformPreset(id: PlatformId): PlatformPreset {
	const preset = PLATFORM_PRESETS.find((p) => p.id === id);
	if (!preset) throw new Error(`Source Platform "${String(id)}" is not one this node knows: choose ${PLATFORM_PRESETS.map((p) => p.id).join(', ')}, auto or none`);
	return preset;
}

/** The preset whose signature columns the header has, all of them; the most specific one if several do. */
export function detectPlatform(header: readonly string[]): PlatformPreset | undefined {
	const names = new Set(header.map(normaliseColumnName));
	const matches = PLATFORM_PRESETS.filter((p) => p.signature.every((column) => names.has(normaliseColumnName(column))));
	return matches.sort((a, b) => b.signature.length - a.signature.length)[0];
}
