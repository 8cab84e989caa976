// htm bound to preact's h: JSX-like templates with no compile step beyond esbuild's bundling.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
