// Pod IP address management in the style of Calico IPAM: each node owns /26 blocks carved
// from 172.16.0.0/16 and hands out addresses in order, wrapping and skipping used ones; a node
// gets another block when its blocks are full. Serializable; used by kubelets (CNI ADD/DEL).

/** Per-node allocation state. */
export interface NodeIpam { blocks: number[]; cursor: number; used: number[] }

/** Serializable IPAM state. */
export interface IpamState { nodes: Record<string, NodeIpam>; nextBlock: number }

const BLOCK = 64;

/** Parses dotted IPv4 into an unsigned integer. */
export function ipToInt(ip: string): number {
  const p = ip.split(".").map(Number);
  return ((p[0] << 24) >>> 0) + (p[1] << 16) + (p[2] << 8) + p[3];
}

/** Formats an unsigned integer as dotted IPv4. */
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** The allocator. */
export class Ipam {
  private readonly state: IpamState;

  constructor(state?: IpamState) {
    this.state = state ? JSON.parse(JSON.stringify(state)) : { nodes: {}, nextBlock: ipToInt("172.16.0.0") };
  }

  /** Serializable state. */
  save(): IpamState {
    return JSON.parse(JSON.stringify(this.state));
  }

  /** Gives a node its first block (from the topology) and a starting cursor inside it. */
  addNode(node: string, block: string, cursor = 1): void {
    if (this.state.nodes[node]) return;
    const base = ipToInt(block.split("/")[0]);
    this.state.nodes[node] = { blocks: [base], cursor: base + cursor, used: [] };
    if (base + BLOCK > this.state.nextBlock) this.state.nextBlock = base + BLOCK;
  }

  /** Allocates an address on a node. */
  allocate(node: string): string {
    const n = this.state.nodes[node];
    if (!n) throw new Error(`ipam: unknown node ${node}`);
    const used = new Set(n.used);
    const total = n.blocks.length * BLOCK;
    for (let i = 0; i < total; i++) {
      const ip = this.next(n);
      if (!used.has(ip) && (ip & 63) !== 0 && (ip & 63) !== 63) {
        n.used.push(ip);
        return intToIp(ip);
      }
    }
    let blk = this.state.nextBlock;
    while (Object.values(this.state.nodes).some((x) => x.blocks.includes(blk))) blk += BLOCK;
    this.state.nextBlock = blk + BLOCK;
    n.blocks.push(blk);
    n.cursor = blk + 1;
    return this.allocate(node);
  }

  /** Returns an address to its node's pool. */
  release(node: string, ip: string): void {
    const n = this.state.nodes[node];
    if (!n) return;
    const v = ipToInt(ip);
    n.used = n.used.filter((x) => x !== v);
  }

  /** Marks an address used (bootstrap pods). */
  reserve(node: string, ip: string): void {
    const n = this.state.nodes[node];
    if (n && !n.used.includes(ipToInt(ip))) n.used.push(ipToInt(ip));
  }

  private next(n: NodeIpam): number {
    const ip = n.cursor;
    const bi = n.blocks.findIndex((b) => ip >= b && ip < b + BLOCK);
    const b = bi < 0 ? n.blocks[0] : n.blocks[bi];
    let nxt = ip + 1;
    if (nxt >= b + BLOCK) nxt = n.blocks[(bi + 1) % n.blocks.length];
    n.cursor = nxt;
    return ip;
  }
}
