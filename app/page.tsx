export default function Home() {
  return <main><h1>AdTarget Seoul</h1></main>;
}
