/** Style pieces the pane's components share. */
import type { GriffelStyle } from '@fluentui/react-components';

/**
 * A list without bullets or indents, its items stacked `gap` apart.
 * @example makeStyles({ list: plainList(tokens.spacingVerticalS) })
 */
export function plainList(gap: string): GriffelStyle {
  return { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap };
}
