import Foundation
import Synchronization

/// The simulated time every service reads: moved forward by the simulation, never by the wall clock.
public final class SimulationClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func advance(to instant: Date) {
        current.withLock { $0 = max($0, instant) }
    }
}
