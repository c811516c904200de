/**
 * The network of who met whom, drawn with Cytoscape.js (loaded only by the views that draw one):
 * actors as nodes (people round, organisations square, the page's own actor larger), an edge per
 * pair that shares engagements with its width and label the number shared, and an arrow from host
 * to guest when they met in those roles. Clicking (or tapping) a node opens its page.
 */
import cytoscape from 'cytoscape';

/** A node of the network. */
export interface NetNode {
  id: string;
  label: string;
  typename: 'Person' | 'Organisation';
  /** Where clicking the node goes. */
  href: string;
  /** The actor whose page this is. */
  centre?: boolean;
}

/** An edge: `weight` engagements shared; `hostToGuest` / `guestToHost` when `source` hosted `target` or the reverse. */
export interface NetEdge {
  source: string;
  target: string;
  weight: number;
  hostToGuest: boolean;
  guestToHost: boolean;
}

/** Draw into `container` (which must be in the document and sized). Returns the Cytoscape instance. */
export function drawNetwork(container: HTMLElement, nodes: NetNode[], edges: NetEdge[], open: (href: string) => void): cytoscape.Core {
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, kind: n.typename, centre: n.centre ? 1 : 0 } })),
      ...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, ...e, width: 1.5 + (4.5 * (e.weight - 1)) / Math.max(1, maxWeight - 1) } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 11,
          'font-family': 'system-ui, sans-serif',
          color: '#1d2330',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          'background-color': '#5b7fb5',
          width: 22,
          height: 22,
          'border-width': 1,
          'border-color': '#ffffff',
          'text-background-color': '#fbfcfe',
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
          'text-background-shape': 'roundrectangle',
        },
      },
      { selector: 'node[kind = "Organisation"]', style: { shape: 'round-rectangle', 'background-color': '#8c6bb1' } },
      { selector: 'node[centre = 1]', style: { width: 34, height: 34, 'background-color': '#c2410c', 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': '#9aa5b8',
          'curve-style': 'bezier',
          label: 'data(weight)',
          'font-size': 10,
          color: '#4b5563',
          'text-background-color': '#ffffff',
          'text-background-opacity': 1,
          'text-background-padding': '1px',
          'arrow-scale': 1.1,
        },
      },
      { selector: 'edge[?hostToGuest]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#4b5563' } },
      { selector: 'edge[?guestToHost]', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': '#4b5563' } },
      { selector: 'node:active, node:selected', style: { 'overlay-opacity': 0.15 } },
    ],
    layout: {
      name: 'concentric',
      concentric: (n: cytoscape.NodeSingular) => (n.data('centre') ? 1000 : Number(n.degree(false))),
      levelWidth: () => 1,
      minNodeSpacing: 40,
      spacingFactor: 1.4,
      padding: 24,
      animate: false,
    },
    // The whole network fits the box: no zooming or panning that would trap the page's scrolling.
    userZoomingEnabled: false,
    userPanningEnabled: false,
    boxSelectionEnabled: false,
  });
  cy.on('tap', 'node', (event) => open(String(event.target.data('href'))));
  cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  cy.on('mouseout', 'node', () => (container.style.cursor = ''));
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  // For the browser tests, which click a node at its drawn position.
  Object.defineProperty(container, 'cy', { value: cy, configurable: true });
  return cy;
}
