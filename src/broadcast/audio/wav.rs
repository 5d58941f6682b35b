//! Reading the WAV file a speech engine writes: the format chunk and the samples.
//! A WAV header is a few chunks, so it is read here rather than through a crate.

/// 16-bit PCM samples and their format.
#[derive(Debug)]
pub struct Wav<'a> {
    pub sample_rate: u32,
    pub channels: u16,
    /// Little-endian 16-bit samples, interleaved.
    pub data: &'a [u8],
}

impl Wav<'_> {
    /// The audio's length in milliseconds.
    pub fn millis(&self) -> u64 {
        let frames = self.data.len() as u64 / (2 * u64::from(self.channels.max(1)));
        frames * 1000 / u64::from(self.sample_rate.max(1))
    }
}

/// The samples of a RIFF/WAVE file of 16-bit PCM, or why it is not one (in English:
/// these words go into a message's detail). A data chunk whose size runs past the end
/// of the file (engines writing to a pipe leave it unset) ends with the file.
pub fn read(bytes: &[u8]) -> Result<Wav<'_>, String> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err("not a WAV file".to_owned());
    }
    let le16 = |b: &[u8]| u16::from_le_bytes([b[0], b[1]]);
    let le32 = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let mut format = None;
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let size = le32(&bytes[at + 4..at + 8]) as usize;
        let body = &bytes[at + 8..bytes.len().min(at + 8 + size)];
        match id {
            b"fmt " if body.len() >= 16 => {
                let tag = le16(&body[0..2]);
                let channels = le16(&body[2..4]);
                let rate = le32(&body[4..8]);
                let bits = le16(&body[14..16]);
                // 1 = PCM; 0xFFFE = extensible, whose sub-format is PCM for engines.
                if !(tag == 1 || tag == 0xFFFE) || bits != 16 || channels == 0 {
                    return Err(format!(
                        "not 16-bit PCM (format {tag}, {bits} bits, {channels} channels)"
                    ));
                }
                format = Some((rate, channels));
            }
            b"data" => {
                let (sample_rate, channels) =
                    format.ok_or_else(|| "no format chunk before the samples".to_owned())?;
                return Ok(Wav {
                    sample_rate,
                    channels,
                    data: body,
                });
            }
            _ => {}
        }
        at += 8 + size + (size & 1);
    }
    Err("no samples".to_owned())
}

/// A WAV file of `millis` of silence, 16-bit mono at `rate` (for tests and stubs).
pub fn silence(rate: u32, millis: u64) -> Vec<u8> {
    let samples = (u64::from(rate) * millis / 1000) as u32;
    let data = samples * 2;
    let mut out = Vec::with_capacity(44 + data as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    out.resize(44 + data as usize, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_own_silence_and_its_length() {
        let bytes = silence(22050, 1500);
        let wav = read(&bytes).unwrap();
        assert_eq!((wav.sample_rate, wav.channels), (22050, 1));
        assert_eq!(wav.millis(), 1500);
    }

    #[test]
    fn a_data_size_past_the_end_ends_with_the_file() {
        let mut bytes = silence(22050, 1000);
        bytes[40..44].copy_from_slice(&0x7fff_f000u32.to_le_bytes());
        assert_eq!(read(&bytes).unwrap().millis(), 1000);
    }

    #[test]
    fn refuses_what_is_not_16_bit_pcm() {
        assert!(read(b"hello").is_err());
        let mut bytes = silence(22050, 10);
        bytes[34] = 8;
        assert!(read(&bytes).unwrap_err().contains("16-bit"));
        assert!(read(&bytes[..36]).is_err());
    }
}
