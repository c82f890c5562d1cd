import { applyMode, Mode } from '@cloudscape-design/global-styles';
import { readStored, writeStored } from './local-storage';

const STORAGE_KEY = 'ses-console.theme';

export type Theme = 'light' | 'dark';

export function storedTheme(): Theme {
  return readStored<Theme>(STORAGE_KEY, 'light') === 'dark' ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  applyMode(theme === 'dark' ? Mode.Dark : Mode.Light);
  writeStored(STORAGE_KEY, theme);
}
