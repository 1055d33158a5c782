//! `gen serve` and `gen watch`: the rebuild loop, served with live reload or written to a
//! folder.

use rolebook::Error;
use rolebook::serve::{self, ServeOptions};

use super::{ServeArgs, WatchArgs};

pub fn serve(args: ServeArgs) -> Result<(), Error> {
    serve::serve(ServeOptions {
        root: args.site.root.clone(),
        bind: args.bind,
        port: args.port,
        load: args.site.load_options(),
        open: args.open,
        follow: !args.no_follow,
        poll: args.poll,
        timings: args.timings,
    })
}

pub fn watch(args: WatchArgs) -> Result<(), Error> {
    serve::watch(
        &args.site.root,
        args.site.load_options(),
        &args.site.output(&args.output),
        args.poll,
        args.timings,
    )
}
