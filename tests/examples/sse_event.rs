//! Benchmark helper (bench/sse.sh runs it under hyperfine and /usr/bin/time): one event of
//! `MIB` mebibytes (the first argument, default 1), sent by a loopback server in 64 KiB chunks
//! to the AgentPhone client's transcript stream, read and decoded. Prints the event's size.

use futures::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mib: usize = std::env::args()
        .nth(1)
        .map_or(1, |arg| arg.parse().expect("a whole number of MiB"));
    let data = format!("{{\"status\": \"{}\"}}", "y".repeat(mib << 20));
    let body = format!("event: ended\ndata: {data}\n\n").into_bytes();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("its address"));
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("one connection");
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head =
            "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
        socket
            .write_all(head.as_bytes())
            .await
            .expect("the head is sent");
        for chunk in body.chunks(64 * 1024) {
            socket.write_all(chunk).await.expect("the body is sent");
        }
    });
    let client = agentphone_client::Client::builder()
        .base_url(url)
        .build()
        .expect("a client");
    let mut stream = client
        .calls()
        .stream_transcript("c")
        .send()
        .await
        .expect("the stream opens");
    let event = stream.next().await.expect("one event").expect("it decodes");
    let status = &event.data.additional_properties["status"];
    println!("{} bytes of data", status.as_str().map_or(0, str::len));
}
