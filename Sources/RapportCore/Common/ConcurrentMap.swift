import Foundation

extension Array where Element: Sendable {
    /// `map` over slices of the array spread across the machine's cores, in order. For work on each element that
    /// needs nothing but the element (reading, converting, checking an imported record); arrays too small to be
    /// worth a task are mapped where they are.
    public func concurrentMap<T: Sendable>(minimumSlice: Int = 256, _ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        let slices = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / minimumSlice))
        guard slices > 1 else { return map(transform) }
        let size = (count + slices - 1) / slices
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for slice in 0..<slices {
                let part = self[Swift.min(slice * size, count)..<Swift.min((slice + 1) * size, count)]
                group.addTask { (slice, part.map(transform)) }
            }
            var parts: [[T]] = Array<[T]>(repeating: [], count: slices)
            for await (slice, part) in group { parts[slice] = part }
            return parts.flatMap { $0 }
        }
    }
}
