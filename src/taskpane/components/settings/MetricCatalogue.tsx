import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import { getMetric } from '../../../core/metrics';
import {
  catalogueStatus,
  shortDescription,
  statusText,
  type AvailableRoles,
  type MetricStatus,
} from '../../catalogue';
import type { SettingsStrings } from '../../strings-settings';
import { plainList } from '../styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  header: { overflowWrap: 'anywhere' },
  count: { color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalS },
  list: plainList(tokens.spacingVerticalS),
  metric: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  title: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  needs: { color: tokens.colorPaletteDarkOrangeForeground1 },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  description: { color: tokens.colorNeutralForeground2 },
  more: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
});

export interface MetricCatalogueProps {
  readonly strings: SettingsStrings;
  readonly language: 'en' | 'id';
  readonly available: AvailableRoles;
}

function MetricRow(props: MetricCatalogueProps & { status: MetricStatus }) {
  const { strings, language, status } = props;
  const styles = useStyles();
  const labelId = useId('metric');
  const descriptionId = useId('about');
  const [expanded, setExpanded] = useState(false);
  const metric = getMetric(status.id);
  const full = metric.description[language];
  const short = shortDescription(full);
  return (
    <li className={styles.metric} aria-labelledby={labelId} data-metric={status.id} data-ready={status.ready}>
      <span className={styles.title}>
        <Text id={labelId} weight="semibold">
          {metric.label[language]}
        </Text>
        <Caption1 className={status.ready ? styles.ready : styles.needs}>
          {statusText(strings, status)}
        </Caption1>
      </span>
      <Caption1 className={styles.formula}>{strings.formula(metric.formula[language])}</Caption1>
      <Caption1 id={descriptionId} className={styles.description}>
        {expanded ? full : short}
      </Caption1>
      {short !== full && (
        <Button
          className={styles.more}
          appearance="transparent"
          size="small"
          aria-expanded={expanded}
          aria-controls={descriptionId}
          aria-describedby={labelId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? strings.lessAbout : strings.moreAbout}
        </Button>
      )}
    </li>
  );
}

/**
 * The metric catalogue by family, folded by default so the step stays short: each metric's name,
 * formula and what it measures, and whether the loaded data supports it.
 *
 * @example
 * <MetricCatalogue strings={settingsStrings('en')} language="en" available={{ orders: ['date', 'amount'] }} />
 */
export function MetricCatalogue(props: MetricCatalogueProps) {
  const { strings, available } = props;
  const styles = useStyles();
  const headingId = useId('catalogue');
  const families = catalogueStatus(available);
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="catalogue">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.catalogueHeading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{strings.catalogueHint}</Caption1>
      <Accordion multiple collapsible>
        {families.map((family) => (
          <AccordionItem key={family.id} value={family.id} data-family={family.id}>
            <AccordionHeader as="h4" size="small" className={styles.header}>
              {strings.families[family.id]}
              <Caption1 className={styles.count}>
                {strings.familyReady(String(family.ready), String(family.metrics.length))}
              </Caption1>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {family.metrics.map((status) => (
                  <MetricRow key={status.id} {...props} status={status} />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
