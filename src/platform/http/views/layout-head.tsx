import { assetHref } from '../static-assets.js';

export { assetHref };

/** The icon link every page's head carries (the staff, public, survey, poster and print layouts). */
export function IconLink() {
  return <link rel="icon" href={assetHref('favicon.svg')} type="image/svg+xml" />;
}

/**
 * A stylesheet of `public/` by its fingerprinted address (`/assets/styles.3f2a9c1e.css`): kept a
 * year by browsers, and a new address as soon as the file changes.
 */
export function StylesheetLink({ name = 'styles.css' }: { name?: string }) {
  return <link rel="stylesheet" href={assetHref(name)} />;
}
