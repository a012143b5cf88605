/// A reference filled in after creation, for a handler that calls back into the scheduler it is passed to.
final class WeakReference<Value: AnyObject> {
    weak var value: Value?
}
