/// A sorting activity: each item belongs to one declared category ("both" is a category too).
public struct Classification: Hashable, Sendable {
    /// A bucket items are sorted into.
    public struct Category: Hashable, Sendable {
        /// Id unique within the activity, such as `leadership`.
        public var id: String
        /// Label shown to learners.
        public var label: String
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates a category.
        public init(id: String, label: String, fields: FieldLocations) {
            self.id = id
            self.label = label
            self.fields = fields
        }
    }

    /// One thing to sort.
    public struct Item: Hashable, Sendable {
        /// Id unique within the activity (defaults to `item-N`).
        public var id: String
        /// What the learner sorts, such as "Setting a vision".
        public var text: String
        /// The category the course judges right.
        public var category: Reference
        /// Shown once the learner checks the item.
        public var feedback: String?
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates an item.
        public init(id: String, text: String, category: Reference, feedback: String? = nil, fields: FieldLocations) {
            self.id = id
            self.text = text
            self.category = category
            self.feedback = feedback
            self.fields = fields
        }
    }

    /// The categories, in display order.
    public var categories: [Category]
    /// The items, in display order.
    public var items: [Item]
    /// Resources to use while sorting.
    public var resources: [Reference]

    /// Creates a classification.
    public init(categories: [Category], items: [Item], resources: [Reference] = []) {
        self.categories = categories
        self.items = items
        self.resources = resources
    }
}
