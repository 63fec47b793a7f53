import Dispatch
import Foundation

/// Maps independent work items across the machine's cores, keeping the results in order.
public enum ParallelMap {
    /// `body` applied to every item, concurrently; the results in the items' order.
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(body) }
        let box = ResultBox<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            box.set(index, body(items[index]))
        }
        return box.values()
    }

    /// Results written from several threads, each slot once.
    private final class ResultBox<Result>: @unchecked Sendable {
        private var slots: [Result?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func values() -> [Result] { slots.map { $0! } }
    }
}
