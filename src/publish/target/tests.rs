//! Target URLs, identity files, choosing a target, and what is shown of one.

use super::*;

fn spec(url: &str) -> TargetSpec {
    TargetSpec {
        name: "portal".into(),
        url: url.into(),
        identity_file: None,
    }
}

fn sftp(user: Option<&str>, host: &str, port: Option<u16>, path: &str) -> Endpoint {
    Endpoint::Sftp(SftpEndpoint {
        user: user.map(str::to_string),
        host: host.into(),
        port,
        path: path.into(),
        identity_file: None,
    })
}

#[test]
fn parses_target_urls() {
    let folder = |p: &str| Endpoint::Folder { root: p.into() };
    let cases = [
        ("file:///srv/www/atvsld", folder("/srv/www/atvsld")),
        ("file:///srv/www/atvsld/", folder("/srv/www/atvsld")),
        ("FILE://localhost/srv/www", folder("/srv/www")),
        (
            "file:///srv/c%C3%B4ng%20th%C3%B4ng",
            folder("/srv/công thông"),
        ),
        ("file:///srv/cổng", folder("/srv/cổng")),
        (
            "sftp://user@host:2222/var/www/atvsld",
            sftp(Some("user"), "host", Some(2222), "/var/www/atvsld"),
        ),
        ("sftp://host/var/www", sftp(None, "host", None, "/var/www")),
        (
            "sftp://deploy@www.example.vn/~/public_html/",
            sftp(Some("deploy"), "www.example.vn", None, "public_html"),
        ),
        (
            "sftp://root@[::1]:22/srv",
            sftp(Some("root"), "::1", Some(22), "/srv"),
        ),
        (
            "sftp://d%65ploy@host/www/50%25",
            sftp(Some("deploy"), "host", None, "/www/50%"),
        ),
        (
            "sftp://root@127.0.0.1:40022/tmp/x/www",
            sftp(Some("root"), "127.0.0.1", Some(40022), "/tmp/x/www"),
        ),
    ];
    for (url, expected) in cases {
        let target =
            parse_target_with_home(&spec(url), None).unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(target.endpoint(), &expected, "{url}");
        assert_eq!(target.name(), "portal");
    }
}

#[test]
fn rejects_bad_targets_with_advice() {
    // (url, words the message must hold)
    let cases = [
        ("/srv/www", "is not a URL"),
        ("ftp://host/www", "\"ftp\" is not supported"),
        ("ssh://host/www", "sftp://user@host/path"),
        ("file://server/www", "three slashes"),
        ("file:///", "names no folder"),
        ("sftp://host", "names no folder"),
        ("sftp://host/", "names no folder"),
        ("sftp://host/~/", "names no folder"),
        ("sftp://user@host:0/www", "\"0\" is not a port number"),
        ("sftp://user@host:ssh/www", "\"ssh\" is not a port number"),
        ("sftp://user@host:99999/www", "is not a port number"),
        ("sftp://user@::1/www", "IPv6 address in brackets"),
        ("sftp://user@[::1/www", "closing bracket"),
        ("sftp://-oProxyCommand=x/www", "is not a host name"),
        ("sftp://-x@host/www", "is not an account name"),
        ("sftp://@host/www", "is not an account name"),
        ("sftp://host/www/../etc", "contains . or .."),
        ("sftp://host/www%0Aevil", "control character"),
        ("sftp://host/100%", "%25"),
        ("sftp://host/www/a%4", "%25"),
        ("sftp://host/www/%zz", "%25"),
        ("sftp://host/www/%ff", "invalid UTF-8"),
        ("sftp://d%ff@host/www", "invalid UTF-8"),
    ];
    for (url, words) in cases {
        let err = parse_target_with_home(&spec(url), None)
            .expect_err(url)
            .to_string();
        assert!(
            err.starts_with("site.toml [publish.portal]: "),
            "{url}: {err}"
        );
        assert!(err.contains(words), "{url}: {err}");
    }
}

#[test]
fn never_repeats_a_password() {
    for url in [
        "sftp://user:s3cr3t@host/www",
        "sftp://user:s3cr3t@host:22/www",
        "sftp://user:@host/www",
    ] {
        let err = parse_target_with_home(&spec(url), None)
            .expect_err(url)
            .to_string();
        assert!(err.contains("passwords are never stored"), "{err}");
        assert!(!err.contains("s3cr3t"), "{err}");
    }
}

#[test]
fn expands_identity_file() {
    let home = Path::new("/home/van");
    let cases = [
        ("~/.ssh/id_ed25519", Ok("/home/van/.ssh/id_ed25519")),
        ("/etc/loa/key", Ok("/etc/loa/key")),
        ("keys/deploy", Ok("keys/deploy")),
        ("~other/.ssh/id", Err("another user's home")),
        ("~/.ssh/id_ed25519.pub", Err("is a public key")),
        ("", Err("identity_file is empty")),
    ];
    for (input, expected) in cases {
        let spec = TargetSpec {
            identity_file: Some(input.into()),
            ..spec("sftp://u@h/www")
        };
        let got = parse_target_with_home(&spec, Some(home));
        match (got, expected) {
            (Ok(target), Ok(path)) => {
                let Endpoint::Sftp(ep) = target.endpoint() else {
                    panic!("{input}: not sftp");
                };
                assert_eq!(
                    ep.identity_file.as_deref(),
                    Some(Path::new(path)),
                    "{input}"
                );
            }
            (Err(err), Err(words)) => {
                assert!(err.to_string().contains(words), "{input}: {err}")
            }
            (got, expected) => panic!("{input}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn tilde_without_home_is_an_error() {
    let spec = TargetSpec {
        identity_file: Some("~/.ssh/id".into()),
        ..spec("sftp://u@h/www")
    };
    let err = parse_target_with_home(&spec, None).expect_err("no home");
    assert!(err.to_string().contains("HOME is not set"), "{err}");
}

#[test]
fn selects_the_target() {
    let portal = spec("file:///a");
    let backup = TargetSpec {
        name: "backup".into(),
        ..spec("file:///b")
    };
    let both = [portal.clone(), backup.clone()];
    assert_eq!(select_target(&both, Some("backup")).ok(), Some(&backup));
    assert_eq!(select_target(&both[..1], None).ok(), Some(&portal));
    assert!(matches!(
        select_target(&[], None),
        Err(PublishError::NoTargets)
    ));
    let err = select_target(&both, None).expect_err("two targets");
    assert!(err.to_string().contains("portal, backup"), "{err}");
    let err = select_target(&both, Some("mirror")).expect_err("undeclared");
    let text = err.to_string();
    assert!(
        text.contains("no publish target named \"mirror\""),
        "{text}"
    );
    assert!(text.contains("portal, backup"), "{text}");
}

#[test]
fn displays_without_secrets() {
    let target =
        parse_target_with_home(&spec("sftp://deploy@host:2222/var/www"), None).expect("valid");
    assert_eq!(
        target.to_string(),
        "portal (sftp://deploy@host:2222/var/www)"
    );
    let home = parse_target_with_home(&spec("sftp://[::1]/~/www"), None).expect("valid");
    assert_eq!(home.to_string(), "portal (sftp://[::1]/~/www)");
}

#[test]
fn reads_a_drive_letter_in_a_file_url_path() {
    let cases = [
        ("/C:/www/atvsld", Some("C:/www/atvsld")),
        ("/d:", Some("d:")),
        ("/srv/www", None),
        ("/C:www", None),
        ("/1:/www", None),
        ("C:/www", None),
    ];
    for (path, expected) in cases {
        assert_eq!(url::drive_path(path), expected, "{path}");
    }
}
