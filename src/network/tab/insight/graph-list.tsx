import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { personHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { NetworkGraph } from '../api/insight-endpoints.js';
import { nodeLook } from './graph-canvas-look.js';
import {
  type Connection,
  connectionsByNode,
  kindOf,
  type NodeKind,
  personIdOf,
  sortNodes,
} from './graph-model.js';

/** The message id of each node kind's name. */
export const kindMessage: Record<NodeKind, MessageId> = {
  ally: 'graph.kind.ally',
  key_figure: 'graph.kind.key_figure',
  former_ally: 'graph.kind.former_ally',
  former_key_figure: 'graph.kind.former_key_figure',
  organisation: 'graph.kind.organisation',
  community: 'graph.kind.community',
};

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '640px' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  header: { fontWeight: tokens.fontWeightSemibold },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  kind: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  connections: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  ended: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The glyph in the kind's colour plus its name, as in the legend. */
export function KindLabel({ kind }: { kind: NodeKind }) {
  const t = useT();
  const styles = useStyles();
  return (
    <span className={styles.kind}>
      <span aria-hidden style={{ color: nodeLook[kind].color }}>
        {nodeLook[kind].glyph}
      </span>
      {t(kindMessage[kind])}
    </span>
  );
}

function connectionText(connection: Connection, own: string, t: ReturnType<typeof useT>): string {
  const { edge, other, outgoing } = connection;
  const text =
    edge.kind === 'member-of'
      ? outgoing
        ? t('graph.list.memberOf', { name: other })
        : t('graph.list.hasMember', { name: other })
      : outgoing
        ? `${edge.label ?? ''} ${other}`
        : `${other} ${edge.label ?? ''} ${own}`;
  return edge.ended ? t('graph.list.ended', { label: text }) : text;
}

/**
 * The graph as a table: every shown node with its kind, wijk and connections. It is the keyboard and screen-reader
 * way through the network; a person's name links to their page.
 */
export function GraphList(props: { graph: NetworkGraph; neighbourhoodNames: ReadonlyMap<string, string> }) {
  const { graph, neighbourhoodNames } = props;
  const t = useT();
  const styles = useStyles();
  const connections = connectionsByNode(graph);
  const search = window.location.search;
  const cell = (extra?: string) => mergeClasses(styles.cell, extra);
  return (
    <ScrollRegion label={t('graph.list.title')}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t('graph.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell(styles.header)}>
              {t('graph.list.name')}
            </th>
            <th scope="col" className={cell(styles.header)}>
              {t('graph.list.kind')}
            </th>
            <th scope="col" className={cell(styles.header)}>
              {t('graph.list.wijk')}
            </th>
            <th scope="col" className={cell(styles.header)}>
              {t('graph.list.connections')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sortNodes(graph.nodes).map((node) => {
            const personId = personIdOf(node);
            const own = connections.get(node.id) ?? [];
            return (
              <tr key={node.id}>
                <th scope="row" className={cell(styles.rowHeader)}>
                  {personId ? (
                    <RouterLink href={personHref(personId, search)}>{node.label}</RouterLink>
                  ) : (
                    node.label
                  )}
                </th>
                <td className={cell()}>
                  <KindLabel kind={kindOf(node)} />
                </td>
                <td className={cell()}>
                  {node.neighbourhoodId ? (neighbourhoodNames.get(node.neighbourhoodId) ?? '') : '–'}
                </td>
                <td className={cell()}>
                  {own.length === 0 ? (
                    <span className={styles.muted}>{t('graph.list.noConnections')}</span>
                  ) : (
                    <ul className={styles.connections}>
                      {own.map((connection) => (
                        <li
                          key={connection.edge.id}
                          className={connection.edge.ended ? styles.ended : undefined}
                        >
                          {connectionText(connection, node.label, t)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
