/** The site's icon: a file served from public/ (every layout links it, so no page asks for a missing one). */
export const ICON_HREF = '/assets/favicon.svg';

/** The icon link every page's head carries (the staff, public, survey, poster and print layouts). */
export function IconLink() {
  return <link rel="icon" href={ICON_HREF} type="image/svg+xml" />;
}
