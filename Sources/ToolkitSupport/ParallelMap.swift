import Dispatch

/// Maps independent work items across the machine's cores, keeping the results in order.
public enum ParallelMap {
    /// `body` applied to every item, concurrently; the results in the items' order.
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(body) }
        let slots = LockedValue([Result?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result = body(items[index])
            slots.withLock { $0[index] = result }
        }
        return slots.current.map { $0! }
    }
}
