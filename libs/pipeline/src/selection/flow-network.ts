// A feasible flow with lower and upper bounds on every arc (Dinic's max-flow on the standard
// reduction: a circulation with node demands). Integral bounds give an integral flow, which is what
// makes the selection's feasibility check exact on networks (see feasibility.ts).

const INF = Number.MAX_SAFE_INTEGER;

export class FlowNetwork {
  private readonly head: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private readonly lower: number[] = [];
  private readonly excess: number[] = [];
  private level: Int32Array = new Int32Array(0);
  private cursor: Int32Array = new Int32Array(0);

  constructor(private nodes: number) {
    for (let i = 0; i < nodes; i++) {
      this.head.push(-1);
      this.excess.push(0);
    }
  }

  addNode(): number {
    this.head.push(-1);
    this.excess.push(0);
    return this.nodes++;
  }

  /** Adds an arc carrying between `lower` and `upper` units; returns its id for flowOn(). */
  addArc(from: number, to: number, lower: number, upper: number): number {
    const id = this.push(from, to, Math.min(upper, INF) - lower);
    this.push(to, from, 0);
    this.lower[id >> 1] = lower;
    this.excess[to] += lower;
    this.excess[from] -= lower;
    return id;
  }

  /** The flow on an arc after a successful solve(). */
  flowOn(arc: number): number {
    return this.lower[arc >> 1] + this.cap[arc ^ 1];
  }

  /** True when every bound can be met at once (the arcs then hold such a flow). */
  solve(): boolean {
    for (const l of this.lower) if (l < 0) return false;
    for (let id = 0; id < this.cap.length; id += 2) if (this.cap[id] < 0) return false;
    const source = this.addNode();
    const sink = this.addNode();
    let demand = 0;
    for (let v = 0; v < source; v++) {
      if (this.excess[v] > 0) {
        this.push(source, v, this.excess[v]);
        this.push(v, source, 0);
        demand += this.excess[v];
      } else if (this.excess[v] < 0) {
        this.push(v, sink, -this.excess[v]);
        this.push(sink, v, 0);
      }
    }
    return this.maxFlow(source, sink) === demand;
  }

  private push(from: number, to: number, cap: number): number {
    const id = this.to.length;
    this.to.push(to);
    this.cap.push(cap);
    this.next.push(this.head[from]);
    this.head[from] = id;
    return id;
  }

  private maxFlow(source: number, sink: number): number {
    let total = 0;
    this.level = new Int32Array(this.nodes);
    this.cursor = new Int32Array(this.nodes);
    while (this.bfs(source, sink)) {
      for (let v = 0; v < this.nodes; v++) this.cursor[v] = this.head[v];
      let pushed: number;
      while ((pushed = this.dfs(source, sink, INF)) > 0) total += pushed;
    }
    return total;
  }

  private bfs(source: number, sink: number): boolean {
    this.level.fill(-1);
    const queue = [source];
    this.level[source] = 0;
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      for (let e = this.head[v]; e !== -1; e = this.next[e]) {
        if (this.cap[e] > 0 && this.level[this.to[e]] < 0) {
          this.level[this.to[e]] = this.level[v] + 1;
          queue.push(this.to[e]);
        }
      }
    }
    return this.level[sink] >= 0;
  }

  private dfs(v: number, sink: number, limit: number): number {
    if (v === sink) return limit;
    for (; this.cursor[v] !== -1; this.cursor[v] = this.next[this.cursor[v]]) {
      const e = this.cursor[v];
      const w = this.to[e];
      if (this.cap[e] > 0 && this.level[w] === this.level[v] + 1) {
        const pushed = this.dfs(w, sink, Math.min(limit, this.cap[e]));
        if (pushed > 0) {
          this.cap[e] -= pushed;
          this.cap[e ^ 1] += pushed;
          return pushed;
        }
      }
    }
    return 0;
  }
}
