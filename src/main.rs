use std::process::ExitCode;

fn main() -> ExitCode {
    newslint::app::main()
}
