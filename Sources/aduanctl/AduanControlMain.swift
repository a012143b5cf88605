@main
struct AduanControlMain {
    static func main() {}
}
