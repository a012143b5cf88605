@main
struct AduanDaemonMain {
    static func main() {}
}
