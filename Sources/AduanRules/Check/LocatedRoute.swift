/// A compiled route with where its block is, for the warnings that compare routes with each other.
struct LocatedRoute {
    var route: CompiledRoute
    var location: SourceLocation
}
